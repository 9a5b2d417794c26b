import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import type { ConflictEvent } from '../../domain/conflict-event.ts';
import { ENGLISH_NOTES } from './demo-event-notes.ts';
import { withTown } from './demo-event-words.ts';
import { generateDemoEvents } from './demo-events.ts';
import { demoTexts } from './demo-texts.ts';
import { canKill, THREADS } from './demo-threads.ts';

const en = demoTexts('en');
const fr = demoTexts('fr');
const english = generateDemoEvents();
const french = generateDemoEvents({ words: fr });

/** The events without their notes, every field in a fixed order, hashed. */
function hashWithoutNotes(events: readonly ConflictEvent[]): string {
  const rows = events.map(({ notes, ...rest }) =>
    Object.fromEntries(Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : 1))),
  );
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

test('choosing notes by sub-type and deaths changes no draw: every other field is as before', () => {
  // Computed on the generator as it was before notes followed the sub-type and the deaths.
  assert.equal(english.length, 1961);
  assert.equal(hashWithoutNotes(english), '4de0a9c5fdb6b7adc146c623b070af7e6b40eb6be91b853522ed6a7b3240e767');
  assert.equal(hashWithoutNotes(french), '1ac165c635cc794ec9c03d4bb7dfa060a37f19e8ab1a1134ff8862f7742a7958');
  assert.equal(
    hashWithoutNotes(generateDemoEvents({ seed: 7, scale: 1 })),
    '2d41d55a09d454f623b746478fd4b05bc90c12c59745e3fe84becc71663977ae',
  );
});

// Words that say someone died. A note may say "no fatalities reported" or "aucun décès signalé".
const word = (alternatives: string) => new RegExp(`(?<!\\p{L})(?:${alternatives})(?!\\p{L})`, 'iu');
const DIED = {
  en: word('kill|kills|killed|killing|dead|deadly|died|dies|fatal|fatally|lethal|murder|murdered'),
  fr: word(
    'tué|tuée|tués|tuées|tuant|tuer|mort|morte|morts|mortes|mortel|mortelle|mortels|mortelles|mortellement|meurtrier|meurtrière|meurtriers|meurtrières|succombé|décédé|décédée|décédés',
  ),
};

for (const [lang, events] of [
  ['en', english],
  ['fr', french],
] as const) {
  test(`no ${lang} note of an event without deaths says someone was killed or died`, () => {
    const wrong = events
      .filter((e) => e.fatalities === 0 && DIED[lang].test(e.notes))
      .map((e) => `${e.sourceEventId} (${e.subEventType}, no deaths): ${e.notes}`);
    assert.deepEqual(wrong.slice(0, 10), [], `${wrong.length} notes tell of deaths the event does not count`);
  });

  test(`every ${lang} note of an event with deaths says so`, () => {
    const wrong = events
      .filter((e) => e.fatalities > 0 && !DIED[lang].test(e.notes))
      .map((e) => `${e.sourceEventId} (${e.subEventType}, ${e.fatalities} dead): ${e.notes}`);
    assert.deepEqual(wrong.slice(0, 10), [], `${wrong.length} notes are silent on the event's deaths`);
  });
}

/** What a note of each sub-type speaks of, in each language (keyed by the English sub-type). */
const SPEAKS_OF: Record<string, { en: RegExp; fr: RegExp }> = {
  'Armed clash': {
    en: /clash|fighting|ambush|attack|fire/i,
    fr: /affrontement|combat|embuscade|attaqu|tirs|tiré/i,
  },
  'Non-state actor overtakes territory': { en: /seized|pushed .* out|took over/i, fr: /empar|chass|pris/i },
  Attack: {
    en: /attack|raid|fired|fire on|beat|beating|shooting|shot|sweep/i,
    fr: /attaqu|raid|tiré|tirs|feu|battu|frapp|tabac|fusillade|opération/i,
  },
  'Abduction/forced disappearance': { en: /abducted/i, fr: /enlevé/i },
  'Looting/property destruction': { en: /loot|burn|arson/i, fr: /pill|incendi|brûl/i },
  Arrests: { en: /arrest|detain/i, fr: /arrêt|détention|interpell/i },
  'Sexual violence': { en: /\brap(e|ed)\b/i, fr: /\bviols\b|violée/i },
  'Remote explosive/landmine/IED': { en: /explosive|bomb/i, fr: /explosi|bombe/i },
  'Peaceful protest': { en: /protest|march/i, fr: /manifest|défil|marche/i },
  'Protest with intervention': { en: /police .*(disperse|broke up)/i, fr: /police a dispersé/i },
  'Violent demonstration': { en: /riot|stones/i, fr: /émeut|pierres/i },
  'Mob violence': { en: /\bmob\b/i, fr: /foule/i },
  'Headquarters or base established': { en: /base|headquarters/i, fr: /base|quartier général/i },
  'Change to group/activity': { en: /rotated|command/i, fr: /relevé|commandement/i },
};

test('every event’s note, in English and in French, speaks of its own sub-type', () => {
  const subTypeOf = new Map(Object.entries(fr.subEventTypes).map(([english, french]) => [french, english]));
  assert.deepEqual(Object.keys(SPEAKS_OF).sort(), Object.keys(en.subEventTypes).sort());
  const wrong: string[] = [];
  for (const [lang, events] of [
    ['en', english],
    ['fr', french],
  ] as const)
    for (const e of events) {
      const subType = lang === 'en' ? e.subEventType : subTypeOf.get(e.subEventType)!;
      if (!SPEAKS_OF[subType]![lang].test(e.notes))
        wrong.push(`${lang} ${e.sourceEventId} (${subType}): ${e.notes}`);
    }
  assert.deepEqual(wrong.slice(0, 10), [], `${wrong.length} notes speak of another sub-type`);
});

test('no Arrests, Abduction or Sexual violence note tells of another kind of harm', () => {
  const other: Record<string, RegExp> = {
    Arrests: /rape|viol|abduct|enlev|burn|incendi|brûl/i,
    'Abduction/forced disappearance': /rape|viol|houses|habitations|burn|incendi|brûl|loot|pill/i,
    'Sexual violence': /abduct|enlev|burn|incendi|brûl|arrest|arrêt/i,
  };
  for (const [events, name] of [
    [english, (s: string) => s],
    [french, (s: string) => fr.subEventTypes[s]!],
  ] as const)
    for (const [subType, harm] of Object.entries(other))
      for (const e of events.filter((x) => x.subEventType === name(subType)))
        assert.doesNotMatch(e.notes, harm, `${e.sourceEventId} (${e.subEventType})`);
});

test('each thread has notes for exactly its sub-types, with deaths exactly where they can kill', () => {
  for (const thread of THREADS) {
    assert.deepEqual(
      Object.keys(ENGLISH_NOTES[thread.id]!).sort(),
      [...new Set(thread.subTypes)].sort(),
      `${thread.id}: one entry per sub-type`,
    );
    for (const [subType, notes] of Object.entries(ENGLISH_NOTES[thread.id]!)) {
      assert.ok(notes.noDeaths.length > 0, `${thread.id}, ${subType}: notes without deaths`);
      assert.equal(
        (notes.deaths?.length ?? 0) > 0,
        canKill(thread, subType),
        `${thread.id}, ${subType}: notes with deaths exactly when its events can kill`,
      );
    }
  }
});

test('every note, drawn or not, in English and in French, tells of deaths exactly when it is for deaths', () => {
  for (const [lang, words] of [
    ['en', en],
    ['fr', fr],
  ] as const)
    for (const [thread, bySubType] of Object.entries(words.notes))
      for (const [subType, notes] of Object.entries(bySubType)) {
        for (const note of notes.noDeaths)
          assert.doesNotMatch(note, DIED[lang], `${lang} ${thread}, ${subType}, noDeaths: «${note}»`);
        for (const note of notes.deaths ?? [])
          assert.match(note, DIED[lang], `${lang} ${thread}, ${subType}, deaths: «${note}»`);
      }
});

test('each event’s note is one of its thread’s notes for its sub-type and deaths, the same in both languages', () => {
  const threadOf = new Map(
    THREADS.map((t) => [`${en.actors[t.actor1]}|${t.actor2 ? en.actors[t.actor2] : ''}|${t.type}`, t]),
  );
  const position = (list: readonly string[], note: string, town: string, fictional: string) =>
    list.findIndex((n) => `${withTown(n, town)} ${fictional}` === note);
  const used = new Set<string>();
  english.forEach((e, i) => {
    const thread = threadOf.get(`${e.actor1}|${e.actor2}|${e.violenceType}`)!;
    const deaths = e.fatalities > 0 ? 'deaths' : 'noDeaths';
    const enList = en.notes[thread.id]![e.subEventType]![deaths]!;
    const frList = fr.notes[thread.id]![e.subEventType]![deaths]!;
    const k = position(enList, e.notes, e.location!, en.fictional);
    assert.ok(k >= 0, `${e.sourceEventId} (${thread.id}, ${e.subEventType}, ${deaths}): ${e.notes}`);
    assert.equal(position(frList, french[i]!.notes, e.location!, fr.fictional), k, french[i]!.notes);
    used.add(`${thread.id}|${e.subEventType}|${deaths}|${k}`);
  });
  // The note's draw still chooses among the fitting notes: most of them are used.
  const all = THREADS.flatMap((t) =>
    Object.entries(ENGLISH_NOTES[t.id]!).flatMap(([subType, notes]) => [
      ...notes.noDeaths.map((_, k) => `${t.id}|${subType}|noDeaths|${k}`),
      ...(notes.deaths ?? []).map((_, k) => `${t.id}|${subType}|deaths|${k}`),
    ]),
  );
  assert.ok(used.size >= all.length * 0.9, `${used.size} of ${all.length} notes used`);
});
