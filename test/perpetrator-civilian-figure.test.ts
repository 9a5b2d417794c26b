import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runJointAnalysis } from '../src/analysis/joint-analysis.ts';
import { renderBriefMarkdown } from '../src/reports/joint-brief.ts';
import { EXPORT_COLUMNS } from '../src/sources/event-export.ts';
import { summarizeEvents } from '../src/store/event-summary.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';

/**
 * A country recorded by UCDP GED (which gives civilian deaths) and by ACLED (which does not): a
 * perpetrator known only from ACLED has no civilian death figure ("–" in the brief), not 0.
 */
const GOOD = new URL('./fixtures/good/', import.meta.url).pathname;

/**
 * A Tandem export (which gives civilian deaths and the actors acting with each side) of one
 * attack by Testland's army with an allied militia beside it, in the months of the ACLED file.
 */
function exportWithAssociatedActor(dir: string): string {
  const row: Record<string, string | number> = {
    source: 'hxl',
    source_event_id: 'partner-1',
    date_start: '2023-05-03',
    date_end: '2023-05-03',
    date_precision: 'day',
    country: 'Testland',
    admin1: 'Hillside',
    violence_type: 'violence-against-civilians',
    actor1: 'Army of Testland',
    actor1_category: 'state-forces',
    actor2: 'Civilians (Testland)',
    actor2_category: 'civilians',
    civilian_targeting: 1,
    civilian_targeting_derived: 0,
    fatalities: 2,
    civilian_fatalities: 2,
    actor1_associated: 'Allied Militia (Testland)',
    release: 'whole',
  };
  const names = EXPORT_COLUMNS.map(([name]) => name);
  const file = join(dir, 'partner-export.csv');
  writeFileSync(file, `${names.join(',')}\n${names.map((n) => row[n] ?? '').join(',')}\n`);
  return file;
}

for (const dialect of DIALECTS) {
  describe(`perpetrators' civilian deaths in a scope of mixed sources (${dialect.name})`, {
    skip: dialect.skip,
  }, () => {
    test('GED perpetrators keep their figure; one known only from ACLED has none', async () => {
      const { store, drop } = await dialect.open();
      try {
        await importFiles(store, [join(GOOD, 'ged-small.csv'), join(GOOD, 'acled-new-format.csv')]);
        const a = await runJointAnalysis(store.db, { country: 'Testland' });
        const figure = Object.fromEntries(a.perpetrators.map((p) => [p.actor, p.civilianFatalities]));
        assert.equal(figure['Government of Testland'], 4, JSON.stringify(figure));
        assert.equal(figure['Hill Militia'], 1, JSON.stringify(figure));
        assert.equal(figure['Hill Militia (Testland)'], null, JSON.stringify(figure));
      } finally {
        await drop();
      }
    });

    test("the country's civilian deaths say how many of its events give the figure", async () => {
      const { store, drop } = await dialect.open();
      try {
        await importFiles(store, [join(GOOD, 'ged-small.csv'), join(GOOD, 'acled-new-format.csv')]);
        const [row] = (await summarizeEvents(store.db, 'country', { country: 'Testland' })).rows;
        const ged = (
          await store.db
            .selectFrom('events')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('source', '=', 'ucdp')
            .executeTakeFirstOrThrow()
        ).n;
        assert.ok(Number(ged) > 0 && Number(ged) < row!.events, JSON.stringify(row));
        assert.equal(
          row!.civilianFatalitiesEvents,
          Number(ged),
          'the GED events give it, the ACLED ones do not',
        );
        const a = await runJointAnalysis(store.db, { country: 'Testland' });
        assert.equal(a.headline.civilianFatalitiesEvents, Number(ged));
        // The brief says the figure is a floor, not the country's civilian deaths.
        const md = renderBriefMarkdown(a);
        assert.match(
          md,
          new RegExp(
            `Civilian fatalities count only the events whose source gives the figure[^:]*: ${ged} of ${a.headline.events} events`,
          ),
        );
        const fr = renderBriefMarkdown(a, { lang: 'fr' });
        assert.match(
          fr,
          new RegExp(`Les morts civils ne comptent que les événements[^:]*: ${ged} sur ${a.headline.events}`),
        );
      } finally {
        await drop();
      }
    });

    test('an actor acting beside the first, in a source that gives the figure, keeps it', async () => {
      const { store, drop } = await dialect.open();
      const dir = mkdtempSync(join(tmpdir(), 'tandem-civ-figure-'));
      try {
        const r = await importFiles(store, [
          exportWithAssociatedActor(dir),
          join(GOOD, 'acled-new-format.csv'),
        ]);
        assert.equal(r.files[0].imported, 1, JSON.stringify(r.files[0]));
        const a = await runJointAnalysis(store.db, { country: 'Testland' });
        const figure = Object.fromEntries(a.perpetrators.map((p) => [p.actor, p.civilianFatalities]));
        assert.equal(figure['Army of Testland'], 2, JSON.stringify(figure));
        // Named only beside the army, in the export: its figure is the export's, not "–".
        assert.equal(figure['Allied Militia (Testland)'], 2, JSON.stringify(figure));
        assert.equal(figure['Hill Militia (Testland)'], null, JSON.stringify(figure));
      } finally {
        await drop();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
