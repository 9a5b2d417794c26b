import { z } from 'zod';
import { isCalendarDay } from '../domain/calendar-day.ts';
import { GENDERS, MEASURE_STATUSES, PARTICIPANT_DEFAULT_SENSITIVITY } from '../domain/participant.ts';
import { SENSITIVITY_LEVELS, sensitivityRank } from '../domain/sensitivity.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { wordValue } from '../domain/written-word.ts';
import {
  type DocumentProblem,
  InvalidDocumentError,
  StructuredDocument,
} from '../sources/structured-document.ts';
import { recordIdInput } from './number-input.ts';

// What a participant of the protection–participation register is, as a front end or a file gives one.

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isCalendarDay, 'there is no such day in the calendar (a date YYYY-MM-DD that exists)');

const FRENCH_GENDERS: Readonly<Record<string, (typeof GENDERS)[number]>> = {
  femme: 'female',
  homme: 'male',
  autre: 'other',
  'non-precise': 'undisclosed',
  'non-precisee': 'undisclosed',
  'non-communique': 'undisclosed',
};

/**
 * A participant as a front end sends one: the contract of `POST /api/participants`. A field it
 * does not read is refused by name, at every level, as an incident's is: a misspelt `realname:`
 * dropped without a word would store the person without the identity their protection needs.
 */
export const participantInput = z.strictObject({
  alias: z.string().trim().min(1, 'an alias is needed: the register is pseudonymous'),
  realName: z.string().trim().min(1).optional(),
  role: z.string().trim().min(1, 'the role is needed (delegate, women’s group leader, …)'),
  // In French too: femme, homme, autre, non précisé.
  gender: z.preprocess((g) => wordValue(FRENCH_GENDERS, g), z.enum(GENDERS)),
  organisation: z.string().trim().default(''),
  office: z.string().trim().min(1, 'the office that follows them is needed'),
  country: z.string().trim().min(1, 'the country is needed'),
  admin1: z.string().trim().default(''),
  /** Said of a country the store does not hold yet, very like one it does: not a slip for it. */
  newArea: z.boolean().optional(),
  processes: z
    .array(
      z.strictObject({
        process: z.union([z.string().trim().min(1), z.number().int().positive()]).transform(String),
        rounds: z.array(z.string().trim().min(1)).default([]),
      }),
    )
    .default([]),
  consent: z
    .strictObject({ given: z.boolean(), on: day.nullable().optional() })
    .default({ given: false, on: null }),
  // A participant is a person at risk: never stored in clear (public, internal), whatever a form says.
  sensitivity: z
    .enum(SENSITIVITY_LEVELS)
    .refine((s) => sensitivityRank(s) >= sensitivityRank('restricted'), {
      message:
        'a participant names a person whose participation puts them at risk: restricted or strictly-confidential (their alias, real name and organisation are then encrypted)',
    })
    .default(PARTICIPANT_DEFAULT_SENSITIVITY),
  incidents: z.array(recordIdInput()).default([]),
  measures: z
    .array(
      z.strictObject({
        kind: z.string().trim().min(1),
        owner: z.string().trim().default(''),
        status: z.enum(MEASURE_STATUSES).default('planned'),
        reviewOn: day.nullable().optional(),
      }),
    )
    .default([]),
});
export type ParticipantInput = z.infer<typeof participantInput>;

/** Reads a participants file (YAML or JSON: one participant or a list), every problem located. */
export function readParticipantFile(text: string, name: string): ParticipantFile {
  try {
    const doc = StructuredDocument.parse(text, name, 'a participants file');
    const list = Array.isArray(doc.value);
    const participants = list
      ? doc.validate(z.array(participantInput).min(1, 'the file holds no participant'))
      : [doc.validate(participantInput)];
    return {
      participants,
      problem: (i, path, reason) => doc.problem(list ? [i, ...path] : path, reason),
    };
  } catch (e) {
    if (e instanceof InvalidDocumentError) {
      throw new TandemError('invalid-file', e.message, { details: { file: e.file, problems: e.problems } });
    }
    throw e;
  }
}

/** A participants file read: its participants, and where a path of the i-th one stands in it. */
export interface ParticipantFile {
  participants: ParticipantInput[];
  problem: (index: number, path: readonly (string | number)[], reason: string) => DocumentProblem;
}
