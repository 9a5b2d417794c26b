import { z } from 'zod';
import { isCalendarDay } from '../domain/calendar-day.ts';
import { FRICTION_DECISIONS, FRICTION_STATUSES } from '../domain/friction.ts';
import { wordValue } from '../domain/written-word.ts';
import { FRICTION_VALUE_WORDS_FR } from './friction-text.ts';
import { languageInput } from './language-input.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

// A decision or status written in French, as a French plan writes its values ('atténuer',
// 'en cours', 'clôturée'), is taken as the code (wordValue); anything else is left for the schema.
const DECISION_WORDS: Record<string, string> = {
  accepter: 'accept',
  attenuer: 'mitigate',
  mitiger: 'mitigate',
  escalader: 'escalate',
  'porter-devant-la-direction': 'escalate',
  'saisir-la-direction': 'escalate',
};

const STATUS_WORDS: Record<string, string> = {
  ouverte: 'open',
  ouvert: 'open',
  'en-cours': 'in-progress',
  cloturee: 'closed',
  cloture: 'closed',
  // The French table's word for a closed friction (FRICTION_VALUE_WORDS_FR), taken back.
  close: 'closed',
  fermee: 'closed',
};

/**
 * A decision or status refused, naming the codes and the French words taken for them (the
 * language of the request is not known where the value is read, so both are listed).
 */
function refusedValue(field: 'decision' | 'status') {
  const codes = field === 'decision' ? FRICTION_DECISIONS : FRICTION_STATUSES;
  const words = FRICTION_VALUE_WORDS_FR[field] as Record<string, string>;
  return (issue: { input?: unknown }) => {
    const got =
      typeof issue.input === 'string' && issue.input.length <= 60
        ? `; got ${JSON.stringify(issue.input)}`
        : '';
    return `must be one of ${codes.join(', ')} (in French: ${codes.map((c) => words[c]).join(', ')})${got}`;
  };
}

/** An empty field clears what it names: '' (a form's empty field, `--decision ""`) reads as null. */
const emptyIsNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

/** A friction's reference: printed in lower case, one copied in capitals names the same friction. */
export const frictionRefInput = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{8}$/, 'a friction reference: 8 hexadecimal characters');

/**
 * What `editFriction` takes: the friction's reference, and the fields that change (owner,
 * decision, status, review date, note), decisions and statuses in English codes or French words.
 */
export const frictionEditInput = z.object({
  ref: frictionRefInput,
  owner: z.string().trim().optional(),
  decision: z
    .preprocess(
      (v) => wordValue(DECISION_WORDS, emptyIsNull(v)),
      z.enum(FRICTION_DECISIONS, { error: refusedValue('decision') }).nullable(),
    )
    .optional(),
  status: z
    .preprocess(
      (v) => wordValue(STATUS_WORDS, v),
      z.enum(FRICTION_STATUSES, { error: refusedValue('status') }),
    )
    .optional(),
  reviewDate: z
    .preprocess(
      emptyIsNull,
      z
        .string()
        .trim()
        .regex(DATE, 'a date YYYY-MM-DD')
        .refine(isCalendarDay, 'not a real calendar day (a date YYYY-MM-DD that exists, e.g. not 2025-02-30)')
        .nullable(),
    )
    .optional(),
  note: z.string().optional(),
  /**
   * When the editor last read the friction (its `updatedAt`; null when nobody had edited it): an
   * edit someone else made since is not overwritten, the edit is refused (conflict) instead.
   */
  expectedUpdatedAt: z.string().nullable().optional(),
  /** The language the CLI confirms in; not a field of the friction. */
  lang: languageInput,
});
