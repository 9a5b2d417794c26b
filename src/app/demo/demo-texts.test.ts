import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { compileDriverRules, loadDriverTaxonomy } from '../../analysis/driver-rules.ts';
import { ENGLISH_EVENT_WORDS, withTown } from './demo-event-words.ts';
import { generateDemoEvents } from './demo-events.ts';
import { demoFolder, demoTexts, isDemoCountry, readDemoTexts } from './demo-texts.ts';

const en = demoTexts('en');
const fr = demoTexts('fr');

/** Every list of notes (by thread, sub-type and deaths), named, in English and in French. */
function noteLists(): [string, readonly string[], readonly string[]][] {
  return Object.entries(en.notes).flatMap(([thread, bySubType]) =>
    Object.entries(bySubType).flatMap(([subType, notes]) =>
      (['noDeaths', 'deaths'] as const)
        .filter((deaths) => notes[deaths])
        .map((deaths): [string, readonly string[], readonly string[]] => [
          `${thread}.${subType}.${deaths}`,
          notes[deaths]!,
          fr.notes[thread]?.[subType]?.[deaths] ?? [],
        ]),
    ),
  );
}

test('the French texts translate every English one, and English is the events’ own words', () => {
  assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
  for (const [where, english, french] of noteLists()) {
    assert.equal(french.length, english.length, where);
    french.forEach((n, i) => {
      assert.notEqual(n, english[i], `${where}[${i}]`);
    });
  }
  assert.deepEqual(Object.keys(fr.subEventTypes).sort(), Object.keys(en.subEventTypes).sort());
  assert.equal(en.country, ENGLISH_EVENT_WORDS.country);
  assert.ok(isDemoCountry('Orvania (fictional)') && isDemoCountry('Orvanie (fictive)'));
  assert.ok(!isDemoCountry('Mali'));
});

test('each French note suggests the drivers its English note suggests', () => {
  const matcher = compileDriverRules(loadDriverTaxonomy());
  const drivers = (t: string) =>
    matcher
      .suggest(withTown(t, 'Kessa'))
      .map((s) => s.driver)
      .sort();
  let suggesting = 0;
  for (const [where, english, french] of noteLists())
    english.forEach((note, i) => {
      assert.deepEqual(drivers(french[i]!), drivers(note), `${where}[${i}]: «${french[i]}»`);
      if (drivers(note).length) suggesting++;
    });
  assert.ok(suggesting >= 40, `${suggesting} English notes suggest a driver`);
});

test('the same draws in both languages: the same events, their words translated', () => {
  const english = generateDemoEvents();
  const french = generateDemoEvents({ words: fr });
  assert.equal(french.length, english.length);
  french.forEach((f, i) => {
    const e = english[i]!;
    assert.deepEqual(
      {
        ...f,
        country: '',
        admin2: '',
        eventType: '',
        subEventType: '',
        actor1: '',
        actor2: '',
        notes: '',
        sourceText: '',
      },
      {
        ...e,
        country: '',
        admin2: '',
        eventType: '',
        subEventType: '',
        actor1: '',
        actor2: '',
        notes: '',
        sourceText: '',
      },
    );
    assert.equal(f.subEventType, fr.subEventTypes[e.subEventType]);
  });
});

test('French elides "de" before a place that starts with a vowel; English is left as written', () => {
  assert.equal(withTown('habitants de {town} soupçonnés', 'Ithel'), 'habitants d’Ithel soupçonnés');
  assert.equal(withTown('la route de {town}', 'Akat'), 'la route d’Akat');
  assert.equal(withTown('habitants de {town}', 'Kessa'), 'habitants de Kessa');
  assert.equal(withTown('district de {town}', 'Orvo East'), 'district d’Orvo East');
  assert.equal(withTown('{town} district', 'Orvo East'), 'Orvo East district');
});

test('a translation that leaves a note out is refused, the thread named', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-demo-texts-'));
  try {
    const text = readFileSync(join(demoFolder('fr'), 'demo-texts.yaml'), 'utf8');
    const path = join(dir, 'demo-texts.yaml');
    writeFileSync(path, text.replace(/\n {8}- Embuscade meurtrière du KLF[^\n]*/, ''));
    assert.throws(
      () => readDemoTexts(path),
      /notes\.klf-insurgency\.Armed clash\.deaths: expected 3 notes, as in English/,
    );
    // A note for deaths where English has none (no one dies when the FAO sets up a base).
    writeFileSync(
      path,
      text.replace(
        /(\n {4}Headquarters or base established:\n)/,
        '$1      deaths:\n        - Les FAO ont installé une base à {town} ; un soldat est mort.\n',
      ),
    );
    assert.throws(() => readDemoTexts(path), /notes\.strategic\.Headquarters or base established/);
    writeFileSync(path, text.replace('klf: Front de libération de Kessa (KLF)', 'kfl: Front'));
    assert.throws(() => readDemoTexts(path), /actors/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
