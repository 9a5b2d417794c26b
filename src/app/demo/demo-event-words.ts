import type { ViolenceType } from '../../domain/violence-type.ts';
import { DEMO_ACTORS, DEMO_COUNTRY, type DemoActorKey } from './demo-country.ts';
import { ENGLISH_NOTES, type SubTypeNotes } from './demo-event-notes.ts';
import { THREADS, type Thread } from './demo-threads.ts';

const EVENT_TYPE_WORDS: Record<ViolenceType, string> = {
  battles: 'Battles',
  // GED's words, should a demo thread ever be a GED conflict type.
  'state-based-conflict': 'state-based',
  'non-state-conflict': 'non-state',
  'explosions-remote-violence': 'Explosions/Remote violence',
  'violence-against-civilians': 'Violence against civilians',
  protests: 'Protests',
  riots: 'Riots',
  'strategic-developments': 'Strategic developments',
};

/**
 * The words of the demonstration's events in one language: the country as the data spells it,
 * the actors' names, the event types and sub-types (keyed by ACLED's English sub-type), each
 * thread's notes by sub-type and by whether the event counts deaths (as many as in English, in the
 * same order, so the same draw picks the same note), what marks a note as fictional, the district
 * an event's place stands in, and the source.
 */
export interface DemoEventWords {
  country: string;
  actors: Record<DemoActorKey, string>;
  eventTypes: Record<ViolenceType, string>;
  subEventTypes: Record<string, string>;
  /** By thread id, then by English sub-type. */
  notes: Record<string, Readonly<Record<string, SubTypeNotes>>>;
  fictional: string;
  district: string;
  source: string;
}

/** The events' words in English, as the demonstration has always written them. */
export const ENGLISH_EVENT_WORDS: DemoEventWords = {
  country: DEMO_COUNTRY,
  actors: Object.fromEntries(Object.entries(DEMO_ACTORS).map(([k, a]) => [k, a.name])) as Record<
    DemoActorKey,
    string
  >,
  eventTypes: EVENT_TYPE_WORDS,
  subEventTypes: Object.fromEntries(THREADS.flatMap((t) => t.subTypes.map((s) => [s, s]))),
  notes: ENGLISH_NOTES,
  fictional: '(fictional demonstration event)',
  district: '{town} district',
  source: 'Tandem demonstration model (fictional)',
};

/**
 * The notes an event of a thread, sub-type and number of deaths may have: a note that tells of
 * deaths only for an event that counts some, one that does not for an event that counts none.
 */
export function notesFor(
  words: DemoEventWords,
  thread: Thread,
  subType: string,
  fatalities: number,
): readonly string[] {
  const notes = words.notes[thread.id]?.[subType];
  const fitting = fatalities > 0 ? notes?.deaths : notes?.noDeaths;
  if (!fitting?.length)
    throw new Error(`no ${fatalities > 0 ? 'deaths' : 'noDeaths'} notes for ${thread.id}, ${subType}`);
  return fitting;
}

/**
 * A text with `{town}` replaced by the place; French "de {town}" elides before a vowel
 * ("d’Ithel"), which an English text never writes.
 */
export function withTown(text: string, town: string): string {
  const elided = /^[AEIOUYÀÂÉÈÊÎÔÛ]/i.test(town) ? text.replace(/\bde \{town\}/, `d’${town}`) : text;
  return elided.replace('{town}', town);
}
