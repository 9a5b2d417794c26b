import { z } from 'zod';
import type { NegotiationProcess } from '../domain/negotiation.ts';
import {
  type DocumentProblem,
  invalidDocument,
  type PathSegment,
  StructuredDocument,
} from '../sources/structured-document.ts';
import { requireUtf8 } from '../sources/text-encoding.ts';

const id = z.string().min(1, 'expected a non-empty id');
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD')
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'expected a real calendar day');
const count = z.number().int('expected a whole number').nonnegative('expected 0 or more');

const GENDERS = ['woman', 'man', 'other'] as const;
const member = z.object({
  name: z.string().optional(),
  // Words, not codes: "Woman" or " man " mean what "woman" and "man" do.
  gender: z.preprocess((g) => (typeof g === 'string' ? g.trim().toLowerCase() : g), z.enum(GENDERS)),
  role: z.string().optional(),
});

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
  })
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
  country: z.string().min(1),
  parties: z.array(z.object({ id, name: z.string(), actors: z.array(z.string().min(1)).default([]) })),
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
    .object({ women: z.number().min(0).max(1, 'expected a share between 0 and 1').optional() })
    .default({}),
});

const _sameShape: (p: z.output<typeof negotiationProcessSchema>) => NegotiationProcess = (p) => p;
void _sameShape;

/**
 * Reads a negotiation process from YAML or JSON text: encoding (UTF-8), syntax, shape, then ids
 * (unique parties and rounds, delegations only of known parties, rounds that end after they
 * start). Throws InvalidDocumentError listing every problem with its path, line and column.
 */
export function readNegotiationProcess(text: string, name: string): NegotiationProcess {
  requireUtf8(text, name);
  const doc = StructuredDocument.parse(text, name, 'a negotiation process');
  const process = doc.validate(negotiationProcessSchema);
  const problems: DocumentProblem[] = [];
  const bad = (path: PathSegment[], reason: string, key = false) =>
    problems.push(doc.problem(path, reason, { key }));
  const parties = new Set<string>();
  process.parties.forEach((p, i) => {
    if (parties.has(p.id)) bad(['parties', i, 'id'], `duplicate party id "${p.id}"`);
    parties.add(p.id);
  });
  const rounds = new Set<string>();
  process.rounds.forEach((r, i) => {
    if (rounds.has(r.id)) bad(['rounds', i, 'id'], `duplicate round id "${r.id}"`);
    rounds.add(r.id);
    if (r.end < r.start) bad(['rounds', i, 'end'], `the round ends (${r.end}) before it starts (${r.start})`);
    for (const party of Object.keys(r.delegations)) {
      if (!parties.has(party)) {
        bad(
          ['rounds', i, 'delegations', party],
          `unknown party "${party}": expected one of ${[...parties].join(', ') || '(no parties declared)'}`,
          true,
        );
      }
    }
  });
  if (problems.length) throw invalidDocument(name, problems);
  return process;
}
