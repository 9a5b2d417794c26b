import { z } from 'zod';
import type { NegotiationProcess } from '../domain/negotiation.ts';
import {
  type DocumentProblem,
  invalidDocument,
  type PathSegment,
  StructuredDocument,
} from '../sources/structured-document.ts';

const id = z.string().min(1, 'expected a non-empty id');
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD')
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'expected a real calendar day');
const count = z.number().int('expected a whole number').nonnegative('expected 0 or more');

const member = z.object({
  name: z.string().optional(),
  gender: z.enum(['woman', 'man', 'other']),
  role: z.string().optional(),
});

// A delegation gives counts, or a list of members (then the counts are taken from the list).
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
 * Reads a negotiation process from YAML or JSON text: syntax, shape, then ids (unique parties and
 * rounds, delegations only of known parties, rounds that end after they start). Throws
 * InvalidDocumentError listing every problem with its path, line and column.
 */
export function readNegotiationProcess(text: string, name: string): NegotiationProcess {
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
