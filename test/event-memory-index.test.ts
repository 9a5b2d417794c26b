import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { generateAcled } from '../bench/generate-acled.ts';
import { encodedJsonOf } from '../src/app/encoded-answer.ts';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { VIOLENCE_TYPES } from '../src/domain/violence-type.ts';
import { replaceCategoryPeriods } from '../src/store/category-periods.ts';
import { currentEventIndex, keepEventIndex } from '../src/store/event-index-keeper.ts';
import { readEventsRevision } from '../src/store/events-revision.ts';
import type { Store } from '../src/store/store.ts';
import { builtIndex } from './built-index.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'tandem-memory-index-'));
const [publicFile, internalFile, laterFile] = ['public.csv', 'internal.csv', 'later.csv'].map((f) =>
  join(dir, f),
);
/** A generated file whose events are other events than the first file's (its ids renamed). */
async function otherEvents(path: string, rows: number, seed: number, prefix: string) {
  await generateAcled(path, rows, seed);
  const text = readFileSync(path, 'utf8').replace(
    /^(\d+),(\d+),([A-Z]+)(\d+),/gm,
    `${prefix}$1,$2,$3${prefix}$4,`,
  );
  writeFileSync(path, text);
}
before(async () => {
  await generateAcled(publicFile, 3000, 31);
  await otherEvents(internalFile, 400, 32, '7');
  await otherEvents(laterFile, 300, 33, '8');
});
after(() => rmSync(dir, { recursive: true, force: true }));

const as = (store: Store) => ({
  via: 'http' as const,
  name: 'mapEvents',
  requester: { name: 'ana', roles: ['admin'] },
  store,
});

for (const dialect of DIALECTS) {
  describe(`the event index in memory (${dialect.name})`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    before(async () => {
      ({ store, drop } = await dialect.open());
      await importFiles(store, [publicFile]);
      // Events above public: counted, listed (without their place, for a viewer), never map points.
      await importFiles(store, [internalFile], { sensitivity: 'internal' });
    });
    after(() => drop());

    test('answers the map, the lists, the area figures and the trend exactly as SQL does', async () => {
      const country = (await store.db.selectFrom('events').select('country').executeTakeFirstOrThrow())
        .country;
      const areas = (await store.db.selectFrom('events').select('admin1').distinct().execute()).map(
        (r) => r.admin1,
      );
      const day = fc
        .integer({ min: 0, max: 365 * 9 })
        .map((n) => new Date(Date.UTC(2014, 6, 1) + n * 86_400_000).toISOString().slice(0, 10));
      const questions = fc.sample(
        fc.record(
          {
            from: day,
            to: day,
            admin1: fc.constantFrom(...areas, 'Nowhere'),
            violenceTypes: fc.subarray([...VIOLENCE_TYPES], { minLength: 1 }),
            actorCategories: fc.subarray(['state-forces', 'rebel-group', 'political-militia', 'civilians'], {
              minLength: 1,
            }),
            offset: fc.constantFrom(0, 0, 7, 150),
            limit: fc.constantFrom(1, 50, 2000),
          },
          { requiredKeys: [] },
        ),
        { numRuns: 60, seed: 15 },
      );
      const ask = async () => {
        const answers: unknown[] = [];
        for (const q of questions) {
          const [from, to] = q.from && q.to && q.from > q.to ? [q.to, q.from] : [q.from, q.to];
          const f = { ...q, country, ...(from ? { from } : {}), ...(to ? { to } : {}) };
          const { offset, limit, admin1, ...noPage } = f;
          answers.push(
            await runOperation(operations.mapEvents, { ...f, shape: 'points' }, as(store)),
            await runOperation(operations.mapEvents, f, as(store)),
            await runOperation(operations.areaMap, noPage, as(store)),
            await runOperation(operations.areaMap, { ...noPage, admin1 }, as(store)),
            await runOperation(operations.areaTrend, noPage, as(store)),
            await runOperation(operations.areaTrend, { ...noPage, admin1 }, as(store)),
          );
        }
        return answers;
      };
      const bySql = await ask();
      const stop = keepEventIndex(store);
      try {
        await builtIndex(store);
        const byIndex = await ask();
        assert.equal(byIndex.length, bySql.length);
        for (let i = 0; i < bySql.length; i++)
          assert.deepEqual(
            byIndex[i],
            bySql[i],
            `question ${Math.floor(i / 6)}: ${JSON.stringify(questions[Math.floor(i / 6)])}`,
          );
        // Not vacuous: the questions found points, pages and areas.
        const points = bySql.filter((_, i) => i % 6 === 0) as { points: unknown[] }[];
        assert.ok(points.some((p) => p.points.length > 100));
        // The points' text the HTTP API sends, copied from the index, is JSON.stringify's, byte for byte.
        for (let i = 0; i < bySql.length; i += 6) {
          const sent = encodedJsonOf(byIndex[i]);
          assert.ok(sent, `question ${i / 6}: the index's points carry their text`);
          assert.equal(Buffer.from(sent).toString('utf8'), JSON.stringify(bySql[i]), `question ${i / 6}`);
        }
      } finally {
        stop();
      }
    });

    test('built in a worker thread (as for a large store), it holds what this thread reads', async () => {
      const { readEventIndexData } = await import('../src/store/event-index-data.ts');
      const here = await readEventIndexData(store.db);
      const lines: string[] = [];
      const stop = keepEventIndex(store, (l) => lines.push(l), { workerFrom: 0 });
      try {
        const index = await builtIndex(store);
        assert.match(lines.join('\n'), /events indexed in memory/);
        assert.ok(here);
        assert.deepEqual(index.data, here);
      } finally {
        stop();
      }
    });

    test('is read again after any change to the events, and answers SQL meanwhile', async () => {
      const stop = keepEventIndex(store);
      try {
        const country = (await store.db.selectFrom('events').select('country').executeTakeFirstOrThrow())
          .country;
        const first = await builtIndex(store);
        const before = await readEventsRevision(store.db);
        await importFiles(store, [laterFile]);
        assert.ok((await readEventsRevision(store.db)) > before, 'an import raises the revision');
        assert.equal(await currentEventIndex(store), undefined, 'the old index is not used after an import');
        const total = (await runOperation(operations.mapEvents, { country, limit: 1 }, as(store))).total;
        const stored = Number(
          (
            await store.db
              .selectFrom('events')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('country', '=', country)
              .executeTakeFirstOrThrow()
          ).n,
        );
        assert.equal(total, stored);
        const second = await builtIndex(store);
        assert.notEqual(second, first);
        assert.equal(second.count({ country }), stored);
        // A change of an actor's category by period changes the events too.
        const actor = (
          await store.db
            .selectFrom('events')
            .select('actor1')
            .where('actor1', '!=', '')
            .executeTakeFirstOrThrow()
        ).actor1;
        const revision = await readEventsRevision(store.db);
        await replaceCategoryPeriods(store.db, [
          { actor, category: 'state-forces', from: '2000-01-01', until: '', note: 'test' },
        ]);
        assert.ok((await readEventsRevision(store.db)) > revision, 'new category periods raise the revision');
        assert.equal(await currentEventIndex(store), undefined);
      } finally {
        stop();
      }
    });
  });
}
