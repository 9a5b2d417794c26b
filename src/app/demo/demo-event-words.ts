import type { ViolenceType } from '../../domain/violence-type.ts';
import { DEMO_ACTORS, DEMO_COUNTRY, type DemoActorKey } from './demo-country.ts';
import { THREADS } from './demo-threads.ts';

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
 * thread's notes (as many as in English, in the same order, so the same draw picks the same note),
 * what marks a note as fictional, the district an event's place stands in, and the source.
 */
export interface DemoEventWords {
  country: string;
  actors: Record<DemoActorKey, string>;
  eventTypes: Record<ViolenceType, string>;
  subEventTypes: Record<string, string>;
  notes: Record<string, readonly string[]>;
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
  notes: Object.fromEntries(THREADS.map((t) => [t.id, t.notes])),
  fictional: '(fictional demonstration event)',
  district: '{town} district',
  source: 'Tandem demonstration model (fictional)',
};

/**
 * A text with `{town}` replaced by the place; French "de {town}" elides before a vowel
 * ("d’Ithel"), which an English text never writes.
 */
export function withTown(text: string, town: string): string {
  const elided = /^[AEIOUYÀÂÉÈÊÎÔÛ]/i.test(town) ? text.replace(/\bde \{town\}/, `d’${town}`) : text;
  return elided.replace('{town}', town);
}
