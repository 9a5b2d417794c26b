import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Papa from 'papaparse';
import { proposeThreats } from '../src/analysis/propose-threats.ts';
import { threatKey } from '../src/domain/threat.ts';
import { summarizeEvents } from '../src/store/event-summary.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';
import { sharedData } from './shared-data.ts';

const acled = sharedData('acled/acled_south_sudan_2011-2015.csv');
const HARMFUL = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Riots']);

type Row = Record<string, string>;
function sampleRows(): { fields: string[]; rows: Row[] } {
  const p = Papa.parse<Row>(readFileSync(acled.path, 'utf8'), { header: true, skipEmptyLines: true });
  return { fields: p.meta.fields ?? [], rows: p.data };
}

/** Events naming `group` among the civilian side's associated actors, counted straight from the file. */
function eventsNaming(rows: Row[], group: string): number {
  return rows.filter(
    (r) =>
      HARMFUL.has(r.event_type) &&
      ((r.inter2 === '7' && r.assoc_actor_2.split(';').some((a) => a.trim() === group)) ||
        (r.inter1 === '7' && r.assoc_actor_1.split(';').some((a) => a.trim() === group))),
  ).length;
}

/**
 * The sample written as ACLED's monadic exports are: one row per actor, no actor2 columns, the
 * event's id on each of its rows (the first actor's row first).
 */
function monadicCopy(dir: string): string {
  const { fields, rows } = sampleRows();
  const keep = fields.filter((f) => !['actor2', 'assoc_actor_2', 'inter2'].includes(f));
  const out: Row[] = [];
  for (const r of rows) {
    out.push(r);
    if (r.actor2) out.push({ ...r, actor1: r.actor2, assoc_actor_1: r.assoc_actor_2, inter1: r.inter2 });
  }
  const path = join(dir, 'acled-monadic.csv');
  writeFileSync(path, Papa.unparse(out, { columns: keep }));
  return path;
}

for (const dialect of DIALECTS) {
  describe(`who is harmed, on ${dialect.name}`, { skip: dialect.skip || acled.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    before(async () => {
      ({ store, drop } = await dialect.open());
      await importFiles(store, [acled.path]);
    });
    after(() => drop());

    test('summary by target counts the groups ACLED names as harmed, as it spells them', async () => {
      const { rows } = sampleRows();
      const s = await summarizeEvents(store.db, 'target');
      const count = (k: string) => s.rows.find((r) => r.key === k)?.events ?? 0;
      for (const g of [
        'Women (South Sudan)',
        'Nuer Ethnic Group (South Sudan)',
        'Aid Workers (South Sudan)',
      ]) {
        assert.ok(eventsNaming(rows, g) > 20, g);
        assert.equal(count(g), eventsNaming(rows, g), g);
      }
      // Civilians of another country are named by their nationality ("Civilians (Sudan)": traders,
      // refugees), not counted as South Sudan's.
      const abroad = (r: Row, side: '1' | '2') =>
        r[`inter${side}`] === '7' &&
        !r[`assoc_actor_${side}`] &&
        /^Civilians \((?!South Sudan\)).+\)$/.test(r[`actor${side}`] ?? '');
      const sudanese = rows.filter(
        (r) =>
          HARMFUL.has(r.event_type) &&
          ((abroad(r, '1') && r.actor1 === 'Civilians (Sudan)') ||
            (abroad(r, '2') && r.actor2 === 'Civilians (Sudan)')),
      ).length;
      assert.ok(sudanese > 20, `${sudanese} events against Sudanese civilians`);
      assert.equal(count('Civilians (Sudan)'), sudanese + eventsNaming(rows, 'Civilians (Sudan)'));
      // Events against civilians that name no group stand under the country's civilians: violence
      // against civilians, and battles, explosions and riots (mob violence) against civilians.
      const unnamed = rows.filter(
        (r) =>
          (r.event_type === 'Violence against civilians' ||
            (r.inter2 === '7' &&
              ['Battles', 'Explosions/Remote violence', 'Riots'].includes(r.event_type))) &&
          !(r.inter2 === '7' && (r.assoc_actor_2 || abroad(r, '2'))) &&
          !(r.inter1 === '7' && (r.assoc_actor_1 || abroad(r, '1'))),
      ).length;
      // (One event names "Civilians (South Sudan)" among its associated actors: it counts there too.)
      assert.equal(count('Civilians (South Sudan)'), unnamed + eventsNaming(rows, 'Civilians (South Sudan)'));
    });

    test('the South Sudan threats name women, the Nuer and aid workers, each group a threat of its own', async () => {
      const threats = await proposeThreats(store.db, { country: 'South Sudan', limit: 200 });
      const groups = new Set(threats.map((t) => t.targetedPopulation));
      for (const g of ['Women (South Sudan)', 'Nuer Ethnic Group (South Sudan)', 'Aid Workers (South Sudan)'])
        assert.ok(groups.has(g), `${g} among ${[...groups].slice(0, 20).join(', ')}`);
      assert.equal(new Set(threats.map(threatKey)).size, threats.length);
      // The same perpetrator in the same area against two groups: two threats.
      const cells = new Map<string, Set<string>>();
      for (const t of threats) {
        const k = `${t.perpetrator}|${t.admin1}|${t.violenceType}`;
        cells.set(k, (cells.get(k) ?? new Set()).add(t.targetedPopulation));
      }
      assert.ok([...cells.values()].some((s) => s.size >= 2));
      // Sexual violence against women is serious by nature, whatever the deaths.
      const women = threats.filter((t) => t.harmKinds.includes('sexual-violence'));
      assert.ok(women.length > 0);
      for (const t of women) assert.ok(t.severity === 'high' || t.severity === 'very-high');
    });

    test('a monadic export of the same events imports to the same events, setting nothing aside', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tandem-monadic-'));
      const path = monadicCopy(dir);
      const distinct = new Set(sampleRows().rows.map((r) => r.event_id_cnty)).size;
      const r = await importFiles(store, [path]);
      const f = r.files[0];
      // Every event is already in the store from the dyadic file: each is found unchanged.
      assert.deepEqual([f.imported, f.updated, f.unchanged, f.rejected], [0, 0, distinct, 0]);

      const fresh = await dialect.open();
      try {
        const again = await importFiles(fresh.store, [path]);
        assert.deepEqual([again.files[0].imported, again.files[0].rejected], [distinct, 0]);
      } finally {
        await fresh.drop();
      }
    });
  });
}
