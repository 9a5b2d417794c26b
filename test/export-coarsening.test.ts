import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Requester } from '../src/app/operation.ts';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { initKeys } from '../src/security/data-keys.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';

/**
 * Exports beyond the requester's reach (issue 13.6): a record above their clearance, or an incident
 * of another office, is written as counts with its place coarsened to its admin-2 area (no point)
 * or, with no admin-2 area, to a point rounded to 0.1°; never its notes, source, place name or
 * actors' names. Checked in every format, on SQLite and PostgreSQL.
 */

const HEADER =
  'event_id_cnty,event_date,year,event_type,sub_event_type,actor1,inter1,actor2,inter2,country,admin1,admin2,location,latitude,longitude,geo_precision,source,notes,fatalities';
const ROWS = [
  // With an admin-2 area: the export keeps the area and drops the point.
  'RST1,2026-03-14,2026,Violence against civilians,Attack,Kodro Brigade,2,Civilians (Testland),7,Testland,Lakeside,Port District,Hamlet of Sorrows,7.54321,30.25987,1,Monitor Echo-9,Kodro Brigade burned the hut of Mariam,3',
  // Without one: the point is rounded to 0.1°.
  'RST2,2026-03-15,2026,Battles,Armed clash,Kodro Brigade,2,Military Forces of Testland,1,Testland,Lakeside,,Ford of Whispers,8.40123,20.65377,1,Monitor Echo-9,Clash seen by Yusuf at the ford,5',
];
const SECRETS = /Mariam|Yusuf|Kodro|Echo-9|Sorrows|Whispers|Tiri|7\.54|30\.25|8\.40|20\.65|Ouham/;

const as = (name: string, roles: string[], offices?: string[]): Requester => ({
  name,
  roles,
  ...(offices ? { offices } : {}),
});

for (const dialect of DIALECTS) {
  describe(`exports beyond the requester's reach, on ${dialect.name}`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    const dir = mkdtempSync(join(tmpdir(), 'tandem-export-coarse-'));
    const call = (requester: Requester) => ({ via: 'cli' as const, name: 'export', requester, store });

    before(async () => {
      ({ store, drop } = await dialect.open());
      process.env.TANDEM_KEY_FILE = join(dir, 'tandem.key');
      await initKeys(store.db);
      const file = join(dir, 'restricted.csv');
      writeFileSync(file, `${HEADER}\n${ROWS.join('\n')}\n`);
      const admin = as('Importer', ['admin']);
      await runOperation(operations.importFiles, { paths: [file], sensitivity: 'restricted' }, call(admin));
      await runOperation(
        operations.recordIncident,
        {
          occurredOn: '2026-03-16',
          country: 'Testland',
          admin1: 'Lakeside',
          place: 'Tiri village',
          latitude: 9.11,
          longitude: 21.33,
          category: 'killing',
          killed: 2,
          office: 'Ndele',
          narrative: 'Seen at the Ouham crossing',
        },
        call(as('Ndele Officer', ['poc'], ['Ndele'])),
      );
    });
    after(async () => {
      delete process.env.TANDEM_KEY_FILE;
      await drop();
      rmSync(dir, { recursive: true, force: true });
    });

    const exported = async (requester: Requester, format: 'csv' | 'hxl' | 'geojson') => {
      let text = '';
      await runOperation(
        operations.exportEvents,
        { format, country: 'Testland', write: (s: string) => (text += s) },
        call(requester),
      );
      return text;
    };
    const features = async (requester: Requester) =>
      JSON.parse(await exported(requester, 'geojson')).features as {
        geometry: { coordinates: number[] } | null;
        properties: Record<string, unknown>;
      }[];
    const byId = async (requester: Requester) =>
      Object.fromEntries((await features(requester)).map((f) => [String(f.properties.source_event_id), f]));

    test('a viewer gets every record as counts: admin-2 kept without a point, or a point to 0.1°; no notes, source, place or names', async () => {
      const viewer = as('Vic Viewer', ['viewer']);
      for (const format of ['csv', 'hxl', 'geojson'] as const) {
        const text = await exported(viewer, format);
        assert.doesNotMatch(text, SECRETS, format);
      }
      const f = await byId(viewer);
      assert.equal(Object.keys(f).length, 3, 'every record is counted');
      const withArea = f.RST1!;
      assert.equal(withArea.properties.admin2, 'Port District');
      assert.equal(withArea.geometry, null);
      assert.equal(withArea.properties.fatalities, 3);
      assert.equal(withArea.properties.actor1_category, 'rebel-group');
      const withoutArea = f.RST2!;
      assert.deepEqual(withoutArea.geometry?.coordinates, [20.7, 8.4]);
      assert.equal(withoutArea.properties.fatalities, 5);
      // An incident goes to its admin-1 area only, as the incident log releases it to a viewer with
      // its kind and victims: a district or a point beside them would place them (attack probe).
      const incident = Object.values(f).find((x) => x.properties.source === 'mission')!;
      assert.equal(incident.geometry, null);
      assert.equal(incident.properties.admin2, '');
      assert.equal(incident.properties.admin1, 'Lakeside');
      assert.equal(incident.properties.fatalities, 2);
      const csv = await exported(viewer, 'csv');
      assert.match(csv, /Port District/);
      assert.match(csv, /,8\.4,20\.7,/);
    });

    test("another office's analyst gets the restricted imports whole and the incident as counts; its own office gets it whole", async () => {
      const bria = await byId(as('Bria Officer', ['poc'], ['Bria']));
      assert.deepEqual(bria.RST1!.geometry?.coordinates, [30.25987, 7.54321]);
      assert.match(String(bria.RST1!.properties.notes), /Mariam/);
      const incident = Object.values(bria).find((x) => x.properties.source === 'mission')!;
      assert.equal(incident.properties.notes, '[withheld: above your clearance or need-to-know]');
      const ndele = await byId(as('Ndele Officer', ['poc'], ['Ndele']));
      const own = Object.values(ndele).find((x) => x.properties.source === 'mission')!;
      assert.equal(own.properties.notes, '');
      assert.equal(own.properties.admin1, 'Lakeside');
    });

    test('every release of a non-public record in an export is in the audit chain, whole or as counts', async () => {
      const rows = await store.db
        .selectFrom('audit_log')
        .select(['actor', 'action'])
        .where('detail', 'like', '%export%')
        .execute();
      const of = (actor: string, action: string) =>
        rows.filter((r) => r.actor === actor && r.action === action).length;
      assert.ok(of('Vic Viewer', 'withheld') >= 9, 'three records in three formats');
      assert.equal(of('Bria Officer', 'released'), 2);
      assert.equal(of('Bria Officer', 'withheld'), 1);
    });
  });
}
