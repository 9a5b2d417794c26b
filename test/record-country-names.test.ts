import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';
import { adminCall, keyedStore } from './keyed-store.ts';

/**
 * A mission's own records (an incident, a participant, a local process) written under another
 * name of a country the store holds ("République centrafricaine", "RCA") are stored under the
 * name its events use: before, they were stored as written and no list or check of the country
 * found them, so a protected person dropped out of the participation alerts without a word.
 */

const call = adminCall('Records Officer');
const ACLED = new URL('fixtures/good/acled-new-format.csv', import.meta.url).pathname;

for (const dialect of DIALECTS) {
  describe(`records under another name of a stored country (${dialect.name})`, { skip: dialect.skip }, () => {
    const keyed = keyedStore(dialect, 'tandem-record-country-');

    test('an incident, a participant and a local process are found under the events’ name, the process in the data’s area', async () => {
      // The fixture's rows, moved to the Central African Republic.
      const car = join(keyed.dir, 'car.csv');
      writeFileSync(
        car,
        readFileSync(ACLED, 'utf8')
          .replaceAll('Testland', 'Central African Republic')
          .replaceAll('Hillside', 'Bamingui-Bangoran'),
      );
      await importFiles(keyed.store, [car]);
      const c = call(keyed.store);
      const country = 'Central African Republic';
      await runOperation(
        operations.recordIncidentFile,
        {
          name: 'incident.yaml',
          text: 'occurredOn: 2023-05-03\ncountry: République centrafricaine\ncategory: killing\nkilled: 1\noffice: FO-BRIA\nsensitivity: restricted\nnarrative: x\n',
        },
        c,
      );
      await runOperation(
        operations.importLocalProcesses,
        {
          name: 'local.yaml',
          text: 'processes:\n  - { id: ndele-dialogue, name: Dialogue de Ndélé, kind: dialogue, date: 2023-04-10, country: RCA, admin1: bamingui bangoran prefecture, place: Ndélé, latitude: 8.41, longitude: 20.65, office: FO-BRIA, status: signed, nationalLink: none }\n',
        },
        c,
      );
      await runOperation(
        operations.recordParticipantFile,
        {
          name: 'participants.yaml',
          text: 'alias: Touraco\nrole: traditional leader\ngender: undisclosed\noffice: FO-BRIA\ncountry: République centrafricaine\nprocesses: [{ process: ndele-dialogue }]\nconsent: { given: true, on: 2023-04-01 }\n',
        },
        c,
      );
      const incidents = await runOperation(operations.listIncidents, { country }, c);
      const local = await runOperation(operations.listLocalProcesses, { country }, c);
      const participants = await runOperation(operations.listParticipants, { country }, c);
      assert.deepEqual(
        [incidents.incidents.length, local.processes.length, participants.participants.length],
        [1, 1, 1],
      );
      const stored = await keyed.store.db.selectFrom('participants').select('country').execute();
      assert.deepEqual(stored, [{ country }]);
      // The process's admin-1, written as a variant of one the data knows, takes the data's spelling.
      assert.equal(local.processes[0]!.admin1, 'Bamingui-Bangoran');
    });
  });
}
