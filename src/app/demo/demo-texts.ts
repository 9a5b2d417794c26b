import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../../domain/language.ts';
import { TandemError } from '../../domain/tandem-error.ts';
import { VIOLENCE_TYPES } from '../../domain/violence-type.ts';
import { DEMO_ACTORS } from './demo-country.ts';
import { type DemoEventWords, ENGLISH_EVENT_WORDS } from './demo-event-words.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

/** The drivers the demonstration's analysts tag, one tag each. */
export const DEMO_TAGGED_DRIVERS = [
  'counter-insurgency-and-reprisal',
  'negotiation-leverage',
  'cattle-and-transhumance',
  'land-and-resources',
] as const;
export type DemoTaggedDriver = (typeof DEMO_TAGGED_DRIVERS)[number];

/**
 * Every word of the demonstration mission that the code, not a data file, writes: its events'
 * words, the fictional analysts who tag drivers, each tag's note, and the draft agreement's title.
 * The plan, agreement, local processes and talks are data files in the language's folder.
 */
export interface DemoTexts extends DemoEventWords {
  analysts: { poc: string; political: string };
  driverTags: Record<DemoTaggedDriver, string>;
  agreementTitle: string;
}

const ENGLISH: DemoTexts = {
  ...ENGLISH_EVENT_WORDS,
  analysts: {
    poc: 'A. Mensah (fictional POC analyst)',
    political: 'L. Ortega (fictional political affairs officer)',
  },
  driverTags: {
    'counter-insurgency-and-reprisal':
      'Army sweeps after KLF attacks; reprisals against villages suspected of support.',
    'negotiation-leverage': 'KLF attacks rise in the weeks before each round of the Orvo talks.',
    'cattle-and-transhumance': 'Dry-season movement of herds through farmland along the corridor.',
    'land-and-resources': 'Disputed grazing land and water points.',
  },
  agreementTitle:
    'Draft agreement on the cessation of hostilities and a political dialogue in Orvania (fictional)',
};

/** A record with exactly the keys English has, each a non-empty text. */
function sameKeys<K extends string>(keys: readonly K[]) {
  return z.strictObject(
    Object.fromEntries(keys.map((k) => [k, z.string().trim().min(1)])) as Record<K, z.ZodString>,
  );
}

const withTown = z.string().includes('{town}', { message: 'expected the place written {town}' });

/** As many notes as English has, each with the place. */
function asManyNotes(english: readonly string[]) {
  return z.array(withTown).length(english.length, `expected ${english.length} notes, as in English`);
}

/**
 * The shape another language's texts must have: English's keys, and for each thread, sub-type and
 * deaths (`noDeaths`, and `deaths` where English has it) as many notes as English.
 */
const translatedTexts = z.strictObject({
  country: z.string().trim().min(1),
  actors: sameKeys(Object.keys(DEMO_ACTORS) as (keyof typeof DEMO_ACTORS)[]),
  eventTypes: sameKeys(VIOLENCE_TYPES),
  subEventTypes: sameKeys(Object.keys(ENGLISH.subEventTypes)),
  notes: z.strictObject(
    Object.fromEntries(
      Object.entries(ENGLISH.notes).map(([thread, bySubType]) => [
        thread,
        z.strictObject(
          Object.fromEntries(
            Object.entries(bySubType).map(([subType, notes]) => [
              subType,
              z.strictObject({
                noDeaths: asManyNotes(notes.noDeaths),
                ...(notes.deaths ? { deaths: asManyNotes(notes.deaths) } : {}),
              }),
            ]),
          ),
        ),
      ]),
    ),
  ),
  fictional: z.string().trim().min(1),
  district: withTown,
  source: z.string().trim().min(1),
  analysts: sameKeys(['poc', 'political']),
  driverTags: sameKeys(DEMO_TAGGED_DRIVERS),
  agreementTitle: z.string().trim().min(1),
});

/** The folder of a language's demonstration files: src/app/demo/ for English, src/app/demo/fr/. */
export function demoFolder(lang: Language): string {
  return lang === 'en' ? HERE : join(HERE, lang);
}

/** One of the demonstration's data files (demo-plan.yaml, demo-agreement.txt…) in a language. */
export function demoFile(lang: Language, name: string): string {
  return readFileSync(join(demoFolder(lang), name), 'utf8');
}

const read = new Map<Language, DemoTexts>([['en', ENGLISH]]);

/**
 * The demonstration's texts in a language: English from the code, another language from
 * `demo-texts.yaml` in its folder, checked against English (the same actors, types, threads and
 * as many notes for each sub-type, with and without deaths, so both languages draw the same events).
 */
export function demoTexts(lang: Language): DemoTexts {
  const known = read.get(lang);
  if (known) return known;
  const texts = readDemoTexts(join(demoFolder(lang), 'demo-texts.yaml'));
  read.set(lang, texts);
  return texts;
}

/** Reads a translation of the demonstration's texts, refused with the path of what is missing. */
export function readDemoTexts(path: string): DemoTexts {
  const parsed = translatedTexts.safeParse(parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new TandemError('invalid-file', `${path}: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  return parsed.data as DemoTexts;
}

/** Whether a country is the demonstration's, as any of its languages spells it. */
export function isDemoCountry(country: string): boolean {
  return LANGUAGES.some((lang) => demoTexts(lang).country === country);
}
