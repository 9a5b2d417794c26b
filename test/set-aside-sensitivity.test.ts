import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import type { Sensitivity } from '../src/domain/sensitivity.ts';
import { TandemError } from '../src/domain/tandem-error.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';

// FICTIONAL: Orvania, its places and its people do not exist.
const HEADER = [
  'Incident ID,Date,Country,Region,District,Town,Lat,Lon,Type,Perpetrator,Killed,Civilians killed,Description',
  '#event+id,#date+occurred,#country+name,#adm1+name,#adm2+name,#loc+name,#geo+lat,#geo+lon,#event+type,#group+name+first,#affected+killed,#affected+killed+civilians,#description',
];
const WITNESS = 'WITNESS-JOSEPH-ORVANIA';
const VICTIM = 'VICTIM-HASSAN-ORVANIA';

/** One partner-sheet row: an id, a day (DD/MM/YYYY), a latitude and what it says. */
const row = (id: string, day: string, lat: string, note: string) =>
  `${id},${day},Orvania (fictional),Talu Lakes,Vessk District,Vessk ferry,${lat},-20.6,Violence against civilians,Lieutenant Gravos,1,1,${note}`;

const viewer = { name: 'viewer1', roles: ['viewer'], offices: ['Kessa'] };

/** What a viewer reads of the events and of the rows set aside, as one text to search. */
async function viewerSees(store: Store): Promise<{ events: string; problems: { raw: string | null }[] }> {
  const call = (name: string) => ({ via: 'cli' as const, name, requester: viewer, store });
  const events = await runOperation(operations.listEvents, {}, call('listEvents'));
  const { problems } = await runOperation(operations.listProblems, {}, call('listProblems'));
  return { events: JSON.stringify(events), problems: problems as { raw: string | null }[] };
}

for (const dialect of DIALECTS) {
  describe(`rows set aside keep their record's level, on ${dialect.name}`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    let dir: string;
    const file = (name: string, ...rows: string[]) => {
      const path = join(dir, name);
      writeFileSync(path, `${[...HEADER, ...rows].join('\n')}\n`);
      return path;
    };
    const importAs = (roles: string[], path: string, sensitivity?: Sensitivity) =>
      importFiles(store, [path], { roles, format: 'hxl', ...(sensitivity ? { sensitivity } : {}) });
    const problemLevels = async (path: string) =>
      (
        await store.db
          .selectFrom('problems')
          .select(['line', 'sensitivity'])
          .where('file', '=', path)
          .orderBy('line')
          .execute()
      ).map((p) => `${p.line}:${p.sensitivity}`);

    before(async () => {
      ({ store, drop } = await dialect.open());
      dir = mkdtempSync(join(tmpdir(), 'tandem-set-aside-'));
    });
    after(async () => {
      await drop();
      rmSync(dir, { recursive: true, force: true });
    });

    test('a record set aside from a restricted import is not imported lower once its row is fixed', async () => {
      const note = `field report: ${WITNESS} saw the killing`;
      const field = file('field.csv', row('S-1', '31/11/2026', '-5.2', note));
      const first = await importAs(['poc'], field, 'restricted');
      assert.equal(first.files[0].rejected, 1);
      assert.deepEqual(await problemLevels(field), ['3:restricted']);

      const fixed = file('field-fixed.csv', row('S-1', '30/11/2026', '-5.2', note));
      await assert.rejects(importAs(['poc'], fixed), (e) => {
        assert.ok(e instanceof TandemError, String(e));
        assert.equal(e.code, 'conflict');
        assert.match(e.message, /^import refused, nothing was written: /);
        assert.match(e.message, /it would lower 1 row set aside as restricted to public/);
        assert.doesNotMatch(e.message, /S-1|WITNESS/);
        return true;
      });
      // Above the importer's clearance the refusal is one of rights, as for a stored record.
      await assert.rejects(importAs(['analyst'], fixed), (e) => {
        assert.ok(e instanceof TandemError, String(e));
        assert.equal(e.code, 'forbidden');
        assert.match(e.message, /1 row set aside as restricted, above your clearance \(internal\)/);
        return true;
      });
      const events = await store.db.selectFrom('events').select('sensitivity').execute();
      assert.deepEqual(events, [], 'nothing was written');
      assert.doesNotMatch((await viewerSees(store)).events, new RegExp(WITNESS));

      // At the level it was set aside at, the fixed row comes in, and a viewer does not read it.
      const again = await importAs(['poc'], fixed, 'restricted');
      assert.equal(again.files[0].imported, 1);
      const stored = await store.db.selectFrom('events').select(['source_event_id', 'sensitivity']).execute();
      assert.deepEqual(stored, [{ source_event_id: 'S-1', sensitivity: 'restricted' }]);
      assert.doesNotMatch((await viewerSees(store)).events, new RegExp(WITNESS));
    });

    test('a row set aside takes the level of the stored event of its id, and of rows set aside before for it', async () => {
      const restricted = file(
        'restricted.csv',
        row('R-1', '05/11/2026', '-5.1', `victim ${VICTIM} killed`),
        row('T-1', '31/02/2026', '-5.1', `victim ${VICTIM} named again`),
      );
      const first = await importAs(['admin'], restricted, 'restricted');
      assert.deepEqual([first.files[0].imported, first.files[0].rejected], [1, 1]);

      // A public upload: R-1 (stored as restricted) and T-1 (set aside as restricted) are
      // malformed again; Z-9, a new id, is malformed too and is public like its import.
      const publicBad = file(
        'public-bad.csv',
        row('R-1', '05/11/2026', '999', `public re-import naming ${VICTIM}`),
        row('T-1', '31/02/2026', '-5.1', `victim ${VICTIM} named again`),
        row('Z-9', '05/11/2026', '999', 'a new id, public'),
      );
      const second = await importAs(['admin'], publicBad);
      assert.deepEqual([second.files[0].imported, second.files[0].rejected], [0, 3]);
      assert.deepEqual(await problemLevels(publicBad), ['3:restricted', '4:restricted', '5:public']);

      const seen = await viewerSees(store);
      assert.doesNotMatch(JSON.stringify(seen.problems), new RegExp(VICTIM));
      assert.ok(
        seen.problems.some((p) => p.raw?.includes('a new id, public')),
        'a public row set aside stays readable',
      );

      // A row stored as restricted keeps its level too when the upload is strictly-confidential.
      const higher = file('higher.csv', row('R-1', '05/11/2026', '999', 'still bad'));
      await importAs(['admin'], higher, 'strictly-confidential');
      assert.deepEqual(await problemLevels(higher), ['3:strictly-confidential']);
    });
  });
}
