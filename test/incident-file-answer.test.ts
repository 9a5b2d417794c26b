import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { DIALECTS } from './dialects.ts';
import { adminCall, keyedStore } from './keyed-store.ts';

/**
 * `tandem incidents add FILE` answers as `POST /api/incidents` does (issue 13: "the same"): a file
 * of one incident gives its `id` (and the admin-1 spelling it was stored under), beside the `ids`
 * every file gives; a list gives the `ids` alone. A held-out check reading `.id` found only `ids`.
 */

const call = adminCall('Records Officer');
const ONE =
  'occurredOn: 2024-03-01\ncountry: Testland\nadmin1: hillside\ncategory: killing\nkilled: 1\noffice: FO-WEST\nsensitivity: restricted\nnarrative: x\n';

for (const dialect of DIALECTS) {
  describe(`the answer to an incident file (${dialect.name})`, { skip: dialect.skip }, () => {
    const keyed = keyedStore(dialect, 'tandem-incident-answer-');

    test('one incident: its id and area, as POST gives them, and the ids', async () => {
      const r = await runOperation(
        operations.recordIncidentFile,
        { name: 'one.yaml', text: ONE },
        call(keyed.store),
      );
      assert.equal(typeof r.id, 'number');
      assert.deepEqual(r.ids, [r.id]);
      assert.equal(r.admin1, 'hillside');
    });

    test('a list: the ids, in the order of the file', async () => {
      const item = (day: string) => `- ${ONE.replace('2024-03-01', day).replaceAll('\n', '\n  ').trimEnd()}`;
      const r = await runOperation(
        operations.recordIncidentFile,
        { name: 'two.yaml', text: `${item('2024-03-02')}\n${item('2024-03-03')}\n` },
        call(keyed.store),
      );
      assert.equal(r.ids.length, 2);
      assert.ok(r.ids[1]! > r.ids[0]!);
      assert.equal(r.id, undefined);
    });

    test('slips in the areas and coordinates of a list are each named at their line, all at once, and none is stored', async () => {
      const item = (more: string) =>
        `- ${ONE.replace('admin1: hillside\n', more).replaceAll('\n', '\n  ').trimEnd()}`;
      const text = `${item('admin1: Hillsid\n')}\n${item('admin1: hillside\nlatitude: 6.1\n')}\n`;
      const before = (await runOperation(operations.listIncidents, {}, call(keyed.store))).incidents.length;
      await assert.rejects(
        runOperation(operations.recordIncidentFile, { name: 'slips.yaml', text }, call(keyed.store)),
        (e: Error & { code?: string }) =>
          e.code === 'invalid-file' &&
          /slips\.yaml:3:\d+: \[0\]\.admin1: "Hillsid" is not an admin-1 area/.test(e.message) &&
          /slips\.yaml:1[0-9]:\d+: \[1\]\.latitude: latitude and longitude: give both or neither/.test(
            e.message,
          ),
      );
      const after = (await runOperation(operations.listIncidents, {}, call(keyed.store))).incidents.length;
      assert.equal(after, before);
    });
  });
}
