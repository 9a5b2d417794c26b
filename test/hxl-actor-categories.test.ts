import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openStore, type Store } from '../src/store/store.ts';
import { importFiles } from './import-files.ts';

/**
 * An HXL sheet names its actors, often without their kind (GED's events shared as HXL, a partner's
 * incident log): "Government of Sudan" was then never a state force and "Civilians" no kind at all,
 * where the same events read from GED were. The HXL reader now infers a category from the name
 * and the actor's side by the GED reader's own rule (categoryFromName), and reads the sheet's own
 * category column, under #group+type or #group+category, when it gives one.
 */

const GOOD = new URL('./fixtures/good/', import.meta.url).pathname;

async function events(store: Store, source: string) {
  return store.db
    .selectFrom('events')
    .select([
      'source_event_id',
      'admin1',
      'actor1',
      'actor1_category',
      'actor2',
      'actor2_category',
      'civilian_targeting',
    ])
    .where('source', '=', source)
    .orderBy('source_event_id')
    .execute();
}

describe('HXL actor categories', () => {
  let store: Store;
  before(async () => {
    store = await openStore({ dbPath: ':memory:' });
  });
  after(() => store.close());

  test('without a category column, the names say the kind, as in GED', async () => {
    const r = await importFiles(store, [join(GOOD, 'hxl-ged-style-names.csv')]);
    assert.deepEqual([r.files[0].format, r.files[0].rows, r.files[0].rejected], ['hxl', 8, 0]);
    const byId = new Map((await events(store, 'hxl')).map((e) => [e.source_event_id, e]));
    const cats = (id: string) => [
      byId.get(id)?.actor1_category ?? null,
      byId.get(id)?.actor2_category ?? null,
    ];
    // The host government against the armed group it fights (GED's state-based conflict).
    assert.deepEqual(cats('HN1'), ['state-forces', 'rebel-group']);
    // One-sided violence: the victims are civilians; RSF takes the category the actor register
    // holds for it from HN1, as its one-sided events read from GED do.
    assert.deepEqual(cats('HN2'), ['rebel-group', 'civilians']);
    // Another country's government fighting in Sudan is an external force.
    assert.deepEqual(cats('HN3'), ['external-forces', 'rebel-group']);
    // Non-state conflict: no side can be told from its name; left for the actor register.
    assert.deepEqual(cats('HN4'), [null, null]);
    // "Civilians (Sudan)" as ACLED writes it, and so the strike counts as targeting civilians.
    assert.deepEqual(cats('HN5'), ['state-forces', 'civilians']);
    assert.equal(byId.get('HN5')?.civilian_targeting, 1);
    // Names that say nothing of their kind stay without one; an empty name has none.
    assert.deepEqual(cats('HN6'), [null, null]);
    assert.deepEqual(cats('HN8'), [null, null]);
  });

  test('the HXL and the GED reading of the same events agree on every category', async () => {
    await importFiles(store, [join(GOOD, 'ged-small.csv'), join(GOOD, 'hxl-ged-small.csv')]);
    const ged = await events(store, 'ucdp');
    const hxl = await events(store, 'hxl');
    for (const g of ged) {
      const h = hxl.find((e) => e.source_event_id === `HG${g.source_event_id}`);
      assert.ok(h, `HG${g.source_event_id} read from the HXL sheet`);
      assert.deepEqual(
        [h.actor1_category, h.actor2_category, h.admin1],
        [g.actor1_category, g.actor2_category, g.admin1],
        `event ${g.source_event_id}`,
      );
    }
    assert.deepEqual(
      ged.map((g) => [g.actor1_category, g.actor2_category]),
      [
        ['state-forces', 'civilians'],
        ['state-forces', 'rebel-group'],
        [null, null],
      ],
    );
  });

  test("a category column is read (#group+category), and the sheet's own category wins over the name", async () => {
    const r = await importFiles(store, [join(GOOD, 'hxl-category-columns.csv')]);
    assert.deepEqual([r.files[0].rows, r.files[0].rejected], [3, 0]);
    const byId = new Map((await events(store, 'hxl')).map((e) => [e.source_event_id, e]));
    const cats = (id: string) => [
      byId.get(id)?.actor1_category ?? null,
      byId.get(id)?.actor2_category ?? null,
    ];
    // The sheet says external forces, an ACLED inter code says rebel group: both kept as written.
    assert.deepEqual(cats('HC1'), ['external-forces', 'rebel-group']);
    // An empty cell is a category not given: the name says it.
    assert.deepEqual(cats('HC2'), ['state-forces', 'rebel-group']);
    assert.deepEqual(cats('HC3'), ['identity-militia', 'civilians']);
  });
});
