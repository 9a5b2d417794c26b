import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { compileDriverRules, loadDriverTaxonomy } from '../src/analysis/driver-rules.ts';
import { parseActorCategory } from '../src/domain/actor-category.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';

/** A francophone mission's sheet (issue 19.4): French headers and values, accented admin names. */
const SHEET = fileURLToPath(new URL('./fixtures/good/incidents-fr-hxl.csv', import.meta.url));

for (const dialect of DIALECTS) {
  describe(`a French HXL sheet on ${dialect.name}`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    before(async () => {
      ({ store, drop } = await dialect.open());
    });
    after(async () => drop());

    test('imports whole: French event types, actor categories and accented admin names are read', async () => {
      const r = await importFiles(store, [SHEET], { format: 'hxl' });
      const rows = await store.db
        .selectFrom('events')
        .select(['source_event_id', 'violence_type', 'admin1', 'actor1_category', 'civilian_targeting'])
        .orderBy('source_event_id')
        .execute();
      assert.equal(rows.length, 4, JSON.stringify(r));
      assert.deepEqual(
        rows.map((x) => [
          x.source_event_id,
          x.violence_type,
          x.admin1,
          x.actor1_category,
          Number(x.civilian_targeting),
        ]),
        [
          ['MINUSCA-001', 'violence-against-civilians', 'Nana-Grébizi', 'rebel-group', 1],
          ['MINUSCA-002', 'battles', 'Ouham-Pendé', 'state-forces', 0],
          ['MINUSCA-003', 'violence-against-civilians', 'Haute-Kotto', 'rebel-group', 1],
          ['MINUSCA-004', 'protests', 'Mbomou', 'protesters', 0],
        ],
      );
    });
  });
}

test('a Mali incident sheet in MINUSMA’s words: attacks, ambushes, indirect fire, village burnings, cattle theft; FDS and the armed groups by their stance', async () => {
  const { store, drop } = await DIALECTS[0]!.open();
  try {
    const sheet = fileURLToPath(new URL('./fixtures/good/incidents-fr-mission-words.csv', import.meta.url));
    const r = await importFiles(store, [sheet], { format: 'hxl' });
    const rows = await store.db
      .selectFrom('events')
      .select(['source_event_id', 'violence_type', 'actor1_category'])
      .orderBy('source_event_id')
      .execute();
    assert.equal(rows.length, 14, JSON.stringify(r));
    assert.deepEqual(
      rows.map((x) => [x.source_event_id, x.violence_type, x.actor1_category]),
      [
        ['M-01', 'battles', 'rebel-group'],
        ['M-02', 'battles', 'rebel-group'],
        ['M-03', 'battles', 'rebel-group'],
        ['M-04', 'battles', 'rebel-group'],
        ['M-05', 'explosions-remote-violence', 'rebel-group'],
        ['M-06', 'violence-against-civilians', 'identity-militia'],
        ['M-07', 'strategic-developments', 'rebel-group'],
        ['M-08', 'explosions-remote-violence', 'rebel-group'],
        ['M-09', 'battles', 'state-forces'],
        ['M-10', 'strategic-developments', 'external-forces'],
        // A theft that kills is violence against civilians, not a strategic development.
        ['M-11', 'violence-against-civilians', 'rebel-group'],
        ['M-12', 'violence-against-civilians', 'rebel-group'],
        ['M-13', 'violence-against-civilians', 'rebel-group'],
        ['M-14', 'strategic-developments', 'rebel-group'],
      ],
    );
  } finally {
    await drop();
  }
});

test('French actor categories are read with or without accents and apostrophes of either kind', () => {
  for (const v of ["Forces de l'État", 'forces de l’etat', 'FORCES ÉTATIQUES'])
    assert.equal(parseActorCategory(v), 'state-forces', v);
  assert.equal(parseActorCategory('Milice communautaire'), 'identity-militia');
  assert.equal(parseActorCategory('Émeutiers'), 'rioters');
  // As MINUSCA's incident sheets write community self-defence groups, and English sheets theirs.
  assert.equal(parseActorCategory("Milice d'autodéfense"), 'identity-militia');
  assert.equal(parseActorCategory('Self-defence militia'), 'identity-militia');
  assert.equal(parseActorCategory('Armed group'), 'rebel-group');
  assert.equal(parseActorCategory('Security forces'), 'state-forces');
  assert.equal(parseActorCategory('Armée de libération'), undefined);
});

test('driver suggestions read French notes, and say which French words fired', () => {
  const matcher = compileDriverRules(loadDriverTaxonomy());
  const found = Object.fromEntries(
    matcher
      .suggest(
        "Des éleveurs peuls attaqués dans le couloir de transhumance ; le marché pillé ; deux femmes violées près du site de déplacés ; les pourparlers de Bangui suspendus après l'élection.",
      )
      .map((s) => [s.driver, s.fired]),
  );
  assert.deepEqual(
    found['cattle-and-transhumance']?.sort(),
    ['couloir de transhumance', 'peuls', 'transhumance', 'éleveurs'].sort(),
  );
  assert.ok(found['predation-and-economic-interest']?.includes('pillé'));
  assert.ok(found['sexual-and-gender-based-violence']?.includes('violées'));
  assert.ok(found['displacement-and-return']?.includes('site de déplacés'));
  assert.ok(found['negotiation-leverage']?.includes('pourparlers'));
  assert.ok(found['political-competition-and-elections']?.includes('élection'));
  assert.deepEqual(matcher.suggest('Une réunion de coordination a eu lieu à Bangui.'), []);
});

test('every driver of the shipped taxonomy has a French label and description, which French pages show', async () => {
  const { driverDescription, driverName } = await import('../src/domain/driver.ts');
  for (const d of loadDriverTaxonomy().drivers) {
    assert.ok(d.labelFr && d.descriptionFr, d.key);
    assert.equal(driverName(d, 'fr'), d.labelFr);
    assert.equal(driverDescription(d, 'fr'), d.descriptionFr);
    assert.equal(driverDescription(d, 'en'), d.description);
  }
});
