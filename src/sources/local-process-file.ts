import { z } from 'zod';
import { isCalendarDay } from '../domain/calendar-day.ts';
import {
  LOCAL_PROCESS_KINDS,
  LOCAL_PROCESS_STATUSES,
  type LocalProcess,
  NATIONAL_LINKS,
} from '../domain/local-process.ts';
import { SENSITIVITY_LEVELS } from '../domain/sensitivity.ts';
import { wordValue } from '../domain/written-word.ts';
import {
  type DocumentProblem,
  InvalidDocumentError,
  invalidDocument,
  StructuredDocument,
} from './structured-document.ts';

const day = z
  .string({ error: 'expected a date written YYYY-MM-DD' })
  .refine(isCalendarDay, 'expected a real calendar day written YYYY-MM-DD');
/** A francophone office's words for a local process's status, accents and case aside. */
const FRENCH_STATUSES: Readonly<Record<string, (typeof LOCAL_PROCESS_STATUSES)[number]>> = {
  'en-negociation': 'negotiating',
  negociation: 'negotiating',
  'en-cours': 'negotiating',
  signe: 'signed',
  signee: 'signed',
  respecte: 'holding',
  respectee: 'holding',
  'en-vigueur': 'holding',
  rompu: 'broken',
  rompue: 'broken',
  viole: 'broken',
  violee: 'broken',
};

const texts = z.array(z.string().trim().min(1)).default([]);

const localProcess = z.strictObject({
  id: z
    .string()
    .trim()
    .min(1, 'expected a non-empty id')
    .refine((s) => !s.startsWith('pax-local:'), 'ids starting "pax-local:" are kept for PA-X Local'),
  name: z.string().trim().min(1, 'expected a name'),
  kind: z.enum(LOCAL_PROCESS_KINDS).default('agreement'),
  date: day.describe('When it was signed or held'),
  country: z.string().trim().min(1).describe('As the event data spells it'),
  admin1: z
    .string()
    .trim()
    .default('')
    .describe('Left empty, it is found from the coordinates and the loaded boundaries'),
  place: z.string().trim().default(''),
  latitude: z
    .number()
    .min(-90, 'a latitude is between -90 and 90')
    .max(90, 'a latitude is between -90 and 90'),
  longitude: z
    .number()
    .min(-180, 'a longitude is between -180 and 180')
    .max(180, 'a longitude is between -180 and 180'),
  parties: texts.describe('Actor names as the event data spells them, where known'),
  mediators: texts,
  thirdParties: texts,
  issues: texts.describe(
    'land, cattle and transhumance, return of the displaced, abductions, resources, governance…',
  ),
  office: z.string().trim().default('').describe('The field office that follows it'),
  // In French too, as a francophone office writes it ("signé", "en négociation", "rompu").
  status: z.preprocess(
    (s) => wordValue(FRENCH_STATUSES, s),
    z.enum(LOCAL_PROCESS_STATUSES).default('negotiating'),
  ),
  nationalLink: z.enum(NATIONAL_LINKS).default('none'),
  nationalLinkNote: z.string().default('').describe('How it links to the national process, in words'),
  objectives: texts.describe('Ids of the mission plan objectives this process serves'),
  meetings: z
    .array(z.strictObject({ id: z.string().trim().min(1), date: day }))
    .default([])
    .describe('Sessions people attend; with none, the date is the one meeting (id "signing")'),
  sensitivity: z
    .enum(SENSITIVITY_LEVELS)
    .default('public')
    .describe(
      'Who may know of it: above public, only those cleared for the level (and of its office, when it has one)',
    ),
});

/** A file of the mission's own local processes (YAML or JSON). */
export const localProcessFileSchema = z.strictObject({
  processes: z.array(localProcess).min(1, 'the file holds no process'),
});

/** The published JSON Schema of the file (what `schema/local-processes.schema.json` holds). */
export function localProcessJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(localProcessFileSchema, { io: 'input', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  return {
    $schema: schema.$schema,
    $id: 'https://tandem.example/schema/local-processes.schema.json',
    title: 'Tandem local processes',
    description:
      "A mission's own local processes: community dialogues, local agreements, cattle-migration and land arrangements, local protection committees. See docs/local-processes.md.",
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}

/** Process ids repeated in the file, and meeting ids repeated within a process, as written. */
function duplicateIds(doc: StructuredDocument): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const list = (doc.value as { processes?: unknown } | null)?.processes;
  if (!Array.isArray(list)) return problems;
  const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : null);
  const ids = new Set<string>();
  list.forEach((p: { id?: unknown; meetings?: unknown } | null, i) => {
    const id = text(p?.id);
    if (id !== null) {
      if (ids.has(id)) problems.push(doc.problem(['processes', i, 'id'], `duplicate process id "${id}"`));
      ids.add(id);
    }
    if (!Array.isArray(p?.meetings)) return;
    const meetings = new Set<string>();
    p.meetings.forEach((m: { id?: unknown } | null, j: number) => {
      const mid = text(m?.id);
      if (mid === null) return;
      if (meetings.has(mid))
        problems.push(doc.problem(['processes', i, 'meetings', j, 'id'], `duplicate meeting id "${mid}"`));
      meetings.add(mid);
    });
  });
  return problems;
}

/**
 * Reads a local-process file: syntax, shape (every problem with its path, line and column), then
 * ids (unique, meetings unique within a process). Throws InvalidDocumentError.
 */
export function readLocalProcessFile(text: string, name: string): LocalProcess[] {
  const doc = StructuredDocument.parse(text, name, 'a local processes file');
  // Ids are checked on the file as written, before its shape, so a repeated id is reported with
  // every other problem at once, not after they are fixed (a probe: five problems listed, the
  // duplicate refused on the next try).
  const problems = duplicateIds(doc);
  let processes: z.output<typeof localProcessFileSchema>['processes'];
  try {
    ({ processes } = doc.validate(localProcessFileSchema));
  } catch (e) {
    if (!(e instanceof InvalidDocumentError) || !problems.length) throw e;
    const all = [...e.problems, ...problems].sort((a, b) => a.line - b.line || a.column - b.column);
    throw invalidDocument(name, all);
  }
  if (problems.length) throw invalidDocument(name, problems);
  return processes.map((p) => ({
    ...p,
    admin1Source: p.admin1 ? 'source' : 'none',
    source: 'tandem',
  }));
}
