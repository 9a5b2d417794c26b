import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { WITHHELD_KEY } from '../src/app/access-control.ts';
import type { Requester } from '../src/app/operation.ts';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';

const admin: Requester = { name: 'test-admin', roles: ['admin'] };
const viewer: Requester = { name: 'test-viewer', roles: ['viewer'] };

/**
 * A security probe: restricted records name "Night Riders" attacking civilians in Lowvale, and a
 * writer who may not read them records a public event naming the same group elsewhere (a guess).
 * The perpetrator table, the threats and the actor series counted the restricted events under the
 * name the guess made public, so the guess was confirmed, with the province and the harm. The
 * events a requester may not read in full count under "(withheld)" wherever actors are named.
 */
for (const dialect of DIALECTS) {
  describe(`actors' counts as a requester not cleared sees them (${dialect.name})`, {
    skip: dialect.skip,
  }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    let dir: string;
    const run = <I, O>(
      name: string,
      op: Parameters<typeof runOperation<I, O>>[0],
      input: unknown,
      who: Requester,
    ) => runOperation(op, input, { via: 'cli', name, requester: who, store });

    before(async () => {
      ({ store, drop } = await dialect.open());
      dir = mkdtempSync(join(tmpdir(), 'tandem-hidden-counts-'));
      const [header, row] = readFileSync(
        new URL('./fixtures/good/acled-new-format.csv', import.meta.url),
        'utf8',
      )
        .split('\n')
        .filter(Boolean);
      const make = (id: string, date: string, admin1: string) =>
        row!
          .replace('TSN1', id)
          .replace('2023-05-01', date)
          .replace(',Hillside,', `,${admin1},`)
          .replaceAll('Hill Militia (Testland)', 'Night Riders');
      const open = join(dir, 'guess.csv');
      writeFileSync(open, [header, make('GUESS1', '2023-05-03', 'Hillside')].join('\n'));
      const hidden = join(dir, 'restricted.csv');
      writeFileSync(
        hidden,
        [header, make('HID1', '2023-05-01', 'Lowvale'), make('HID2', '2023-05-02', 'Lowvale')].join('\n'),
      );
      await run('importFiles', operations.importFiles, { paths: [hidden], sensitivity: 'restricted' }, admin);
      await run('importFiles', operations.importFiles, { paths: [open] }, admin);
    });
    after(async () => {
      await drop();
      rmSync(dir, { recursive: true, force: true });
    });

    test('the perpetrator table counts what the requester may not read under "(withheld)", not under the guessed name', async () => {
      const asViewer = await run('analyze', operations.analyze, { country: 'Testland' }, viewer);
      const riders = asViewer.perpetrators.find((p) => p.actor === 'Night Riders');
      assert.ok(riders, 'the public event names the group');
      assert.equal(riders.events, 1);
      assert.deepEqual(
        riders.areas.map((a) => a.admin1),
        ['Hillside'],
      );
      const withheld = asViewer.perpetrators.find((p) => p.actor === WITHHELD_KEY);
      assert.equal(withheld?.events, 2);
      assert.doesNotMatch(
        JSON.stringify(asViewer.threats),
        /Night Riders[^"]*"[^}]*Lowvale|Lowvale[^}]*Night Riders/,
      );
      assert.ok(
        !asViewer.threats.some((t) => t.perpetrator === 'Night Riders' && t.admin1 === 'Lowvale'),
        'no threat names the group in the province only the restricted records place it',
      );
      // One cleared for them counts all three under the name.
      const asAdmin = await run('analyze', operations.analyze, { country: 'Testland' }, admin);
      assert.equal(asAdmin.perpetrators.find((p) => p.actor === 'Night Riders')?.events, 3);
    });

    test('the threats proposed leave the guessed name out of the province only the restricted records name', async () => {
      const proposed = await run(
        'proposeThreats',
        operations.proposeThreats,
        { country: 'Testland' },
        viewer,
      );
      assert.ok(!proposed.threats.some((t) => t.perpetrator === 'Night Riders' && t.admin1 === 'Lowvale'));
      const asAdmin = await run('proposeThreats', operations.proposeThreats, { country: 'Testland' }, admin);
      assert.ok(asAdmin.threats.some((t) => t.perpetrator === 'Night Riders' && t.admin1 === 'Lowvale'));
    });

    test('a saved threat resting only on the restricted records does not name the group, though public events do', async () => {
      await run('proposeThreats', operations.proposeThreats, { country: 'Testland', save: true }, admin);
      const lowvale = async (who: Requester) =>
        (await run('listThreats', operations.listThreats, { country: 'Testland' }, who)).threats.filter(
          (t) => t.admin1 === 'Lowvale',
        );
      assert.ok((await lowvale(admin)).some((t) => t.perpetrator === 'Night Riders'));
      const seen = await lowvale(viewer);
      assert.ok(seen.length > 0, 'the threat is listed');
      assert.doesNotMatch(JSON.stringify(seen), /Night Riders/);
      // The one in Hillside rests on the public event: named.
      const hillside = (
        await run('listThreats', operations.listThreats, { country: 'Testland' }, viewer)
      ).threats.filter((t) => t.admin1 === 'Hillside');
      assert.ok(hillside.length > 0 && hillside.every((t) => t.perpetrator === 'Night Riders'));
    });

    test('the actor list counts the guessed group by the events the requester may read', async () => {
      const listed = await run('listActors', operations.listActors, { country: 'Testland' }, viewer);
      assert.equal(listed.actors.find((a) => a.name === 'Night Riders')?.events, 1);
      const asAdmin = await run('listActors', operations.listActors, { country: 'Testland' }, admin);
      assert.equal(asAdmin.actors.find((a) => a.name === 'Night Riders')?.events, 3);
    });

    test("the withheld events of a state's forces are counted apart from a militia's, as state forces", async () => {
      const [header, row] = readFileSync(
        new URL('./fixtures/good/acled-new-format.csv', import.meta.url),
        'utf8',
      )
        .split('\n')
        .filter(Boolean);
      const army = join(dir, 'army.csv');
      writeFileSync(
        army,
        [
          header,
          row!
            .replace('TSN1', 'HID3')
            .replace('2023-05-01', '2023-05-04')
            .replace(
              'Hill Militia (Testland),,Identity militia',
              'Military Forces of Testland (2019-),,State forces',
            ),
        ].join('\n'),
      );
      await run('importFiles', operations.importFiles, { paths: [army], sensitivity: 'restricted' }, admin);
      const asViewer = await run('analyze', operations.analyze, { country: 'Testland' }, viewer);
      const withheld = asViewer.perpetrators
        .filter((p) => p.actor === WITHHELD_KEY)
        .map((p) => [p.category, p.isState, p.events]);
      assert.deepEqual(withheld, [
        ['identity-militia', false, 2],
        ['state-forces', true, 1],
      ]);
    });
  });
}
