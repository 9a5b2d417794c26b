import { z } from 'zod';
import { isCalendarDay } from '../domain/calendar-day.ts';
import { storedCountryName } from '../domain/country-names.ts';
import type { NegotiationProcess } from '../domain/negotiation.ts';
import { ownValue } from '../domain/own-value.ts';
import {
  type DocumentProblem,
  type PathSegment,
  StructuredDocument,
} from '../sources/structured-document.ts';
import { requireUtf8 } from '../sources/text-encoding.ts';
import { validatedWithCrossChecks } from '../sources/validated-document.ts';

const id = z.string().min(1, 'expected a non-empty id');
const date = z
  .string()
  // `abort`: "01/01/2021" is one problem, not also "not a real calendar day" (as in plan-schema.ts).
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date written YYYY-MM-DD', abort: true })
  .refine(isCalendarDay, 'expected a real calendar day');
const share = z.number().min(0).max(1, 'expected a share between 0 and 1');
const count = z.number().int('expected a whole number').nonnegative('expected 0 or more');

const GENDERS = ['woman', 'man', 'other'] as const;
/** A francophone mission's words for them, as its plans take French values. */
const FRENCH_GENDERS: Readonly<Record<string, (typeof GENDERS)[number]>> = {
  femme: 'woman',
  homme: 'man',
  autre: 'other',
};
const gender = z.preprocess((g) => {
  if (typeof g !== 'string') return g;
  const word = g.trim().toLowerCase();
  return ownValue(FRENCH_GENDERS, word) ?? word;
}, z.enum(GENDERS));

// A francophone mission writes the fields in French too (nom, genre, rôle; femmes, hommes, autres,
// membres): each is a field of its own, so a problem is named where it was written, and the
// English one is taken where both are given.
const FRENCH_FIELDS: Readonly<Record<string, string>> = {
  nom: 'name',
  genre: 'gender',
  rôle: 'role',
  femmes: 'women',
  hommes: 'men',
  autres: 'other',
  membres: 'members',
};
const member = z
  .object({
    name: z.string().optional(),
    nom: z.string().optional(),
    // Words, not codes: "Woman" or " man " mean what "woman" and "man" do; "Femme", "homme" too.
    gender: gender.optional(),
    genre: gender.optional(),
    role: z.string().optional(),
    rôle: z.string().optional(),
  })
  .refine((m) => m.gender !== undefined || m.genre !== undefined, {
    message: 'missing required field gender (expected one of "woman", "man", "other")',
  })
  .transform(({ nom, genre, rôle, ...m }) => ({
    ...((m.name ?? nom) !== undefined ? { name: m.name ?? nom } : {}),
    gender: (m.gender ?? genre)!,
    ...((m.role ?? rôle) !== undefined ? { role: m.role ?? rôle } : {}),
  }));

const COUNTED = { women: 'woman', men: 'man', other: 'other' } as const;

// A delegation gives counts, or a list of members (then the counts are taken from the list). A
// delegation that gives both is read only when they agree: otherwise one of them is wrong, and
// which one decides whether the quota is met.
const delegation = z
  .object({
    women: count.optional(),
    men: count.optional(),
    other: count.optional(),
    members: z.array(member).optional(),
    femmes: count.optional(),
    hommes: count.optional(),
    autres: count.optional(),
    membres: z.array(member).optional(),
  })
  .transform(({ femmes, hommes, autres, membres, ...d }) => ({
    ...d,
    women: d.women ?? femmes,
    men: d.men ?? hommes,
    other: d.other ?? autres,
    members: d.members ?? membres,
  }))
  .refine((d) => d.members !== undefined || d.women !== undefined || d.men !== undefined, {
    message: 'expected counts (women, men) or a list of members',
  })
  .superRefine((d, ctx) => {
    if (!d.members?.length) return;
    const listed = (g: string) => d.members!.filter((m) => m.gender === g).length;
    const given = (Object.keys(COUNTED) as (keyof typeof COUNTED)[]).filter((k) => d[k] !== undefined);
    const differ = given.filter((k) => d[k] !== listed(COUNTED[k]));
    if (!differ.length) return;
    const counts = given.map((k) => `${k}: ${d[k]}`).join(', ');
    const fromList = given.map((k) => `${k}: ${listed(COUNTED[k])}`).join(', ');
    ctx.addIssue({
      code: 'custom',
      message: `both counts and a list of members are given, and they disagree (counts ${counts}; the ${d.members.length} member(s) listed give ${fromList}): give either the counts or the list of members, or make them agree`,
    });
  })
  .transform((d) => {
    const members = d.members ?? [];
    if (!members.length) return { women: d.women ?? 0, men: d.men ?? 0, other: d.other ?? 0, members };
    const n = (g: string) => members.filter((m) => m.gender === g).length;
    return { women: n('woman'), men: n('man'), other: n('other'), members };
  });

export const negotiationProcessSchema = z.object({
  process: z.string().min(1),
  // As the events are stored: "République démocratique du Congo" and "DR Congo" are ACLED's
  // "Democratic Republic of Congo", whose events the checks read.
  country: z
    .string()
    .min(1)
    .transform((c) => storedCountryName(c)),
  // A process with no party has no one to test or to count at the table.
  parties: z
    .array(z.object({ id, name: z.string(), actors: z.array(z.string().min(1)).default([]) }))
    .min(1, 'expected at least one party'),
  rounds: z.array(
    z.object({
      id,
      start: date,
      end: date,
      venue: z.string().optional(),
      delegations: z.record(z.string(), delegation).default({}),
    }),
  ),
  quota: z
    .object({ women: share.optional(), femmes: share.optional() })
    .transform(({ women, femmes }) => ((women ?? femmes) === undefined ? {} : { women: women ?? femmes }))
    .prefault({}),
});

const _sameShape: (p: z.output<typeof negotiationProcessSchema>) => NegotiationProcess = (p) => p;
void _sameShape;

/**
 * Reads a negotiation process from YAML or JSON text: encoding (UTF-8), syntax, shape, then ids
 * (unique parties and rounds, delegations only of known parties, rounds that end after they
 * start). The id checks run even when the shape is wrong, on whatever parts could be read, so
 * every problem is reported at once. Throws InvalidDocumentError listing every problem with its
 * path, line and column, in the order they stand in the file.
 */
export function readNegotiationProcess(text: string, name: string): NegotiationProcess {
  requireUtf8(text, name);
  const doc = StructuredDocument.parse(text, name, 'a negotiation process');
  const process = validatedWithCrossChecks(doc, negotiationProcessSchema, crossReferenceProblems);
  ignored.set(process, doc.ignoredFields(process, FRENCH_FIELDS));
  return process;
}

const ignored = new WeakMap<NegotiationProcess, DocumentProblem[]>();

/**
 * The fields of a process file that Tandem does not read (a misspelt `qouta:` would otherwise
 * read as "the process sets no quota"), each at its line with the field it most resembles.
 */
export function ignoredProcessFields(process: NegotiationProcess): DocumentProblem[] {
  return ignored.get(process) ?? [];
}

/** The text of `v` when it is a non-empty id, else undefined (the shape check says what is wrong). */
const readableId = (v: unknown): string | undefined => (id.safeParse(v).success ? (v as string) : undefined);
const readableDate = (v: unknown): string | undefined =>
  date.safeParse(v).success ? (v as string) : undefined;
const isMapping = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The checks between the parts of a process, run on the document as written so that they need
 * only the parts they look at to be readable: a party or round whose id is not readable is left
 * to the shape check, and delegations are matched to parties only when every party has a readable
 * id (otherwise an unreadable party could be the one meant).
 */
function crossReferenceProblems(doc: StructuredDocument): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const bad = (path: PathSegment[], reason: string, key = false) =>
    problems.push(doc.problem(path, reason, { key }));
  const root = isMapping(doc.value) ? doc.value : {};
  const partyList = Array.isArray(root.parties) ? root.parties : undefined;
  const parties = new Map<string, number>();
  let allPartiesRead = partyList !== undefined;
  for (const [i, p] of (partyList ?? []).entries()) {
    const pid = readableId(isMapping(p) ? p.id : undefined);
    const first = pid === undefined ? undefined : parties.get(pid);
    if (pid === undefined) allPartiesRead = false;
    else if (first === undefined) parties.set(pid, i);
    else
      bad(
        ['parties', i, 'id'],
        `duplicate party id "${pid}" (parties[${first}] has it): expected each party id once`,
      );
  }
  const rounds = new Map<string, number>();
  for (const [i, r] of (Array.isArray(root.rounds) ? root.rounds : []).entries()) {
    if (!isMapping(r)) continue;
    const rid = readableId(r.id);
    const first = rid === undefined ? undefined : rounds.get(rid);
    if (first !== undefined)
      bad(
        ['rounds', i, 'id'],
        `duplicate round id "${rid}" (rounds[${first}] has it): expected each round id once`,
      );
    else if (rid !== undefined) rounds.set(rid, i);
    const start = readableDate(r.start);
    const end = readableDate(r.end);
    if (start && end && end < start)
      bad(['rounds', i, 'end'], `the round ends (${end}) before it starts (${start})`);
    if (!allPartiesRead || !isMapping(r.delegations)) continue;
    for (const party of Object.keys(r.delegations)) {
      if (parties.has(party)) continue;
      bad(
        ['rounds', i, 'delegations', party],
        `unknown party "${party}": expected one of ${[...parties.keys()].join(', ') || '(no parties declared)'}`,
        true,
      );
    }
  }
  return problems;
}
