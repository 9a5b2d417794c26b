import { z } from 'zod';
import {
  DEFAULT_ESCALATION_OPTIONS,
  type EscalationOptions,
  escalationMethod,
  inclusion,
  testEscalation,
} from '../agreements/negotiation-checks.ts';
import { readNegotiationData } from '../agreements/negotiation-evidence.ts';
import { readNegotiationProcess } from '../agreements/negotiation-process.ts';
import type {
  EscalationAlert,
  EscalationTest,
  InclusionRow,
  NegotiationProcess,
} from '../domain/negotiation.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { InvalidDocumentError, StructuredDocument } from '../sources/structured-document.ts';
import { actorsNotInData } from './actor-suggestions.ts';
import { defineOperation } from './operation.ts';

const processInput = z.object({
  /** The process file's text (YAML or JSON), or the parsed object. */
  process: z.union([z.string(), z.record(z.string(), z.unknown())]),
  name: z.string().optional(),
  // Coerced, so that the CLI's flags (text) and the API's JSON numbers are read alike.
  windowDays: z.coerce.number().int().min(1).max(365).optional(),
  baselineDays: z.coerce.number().int().min(1).max(3650).optional(),
  alpha: z.coerce.number().gt(0).lt(1).optional(),
  minEvents: z.coerce.number().int().min(1).optional(),
});
type ProcessInput = z.infer<typeof processInput>;

/** Reads and validates a process, turning a located document problem into an `invalid-file` error. */
export function parseProcessInput(input: Pick<ProcessInput, 'process' | 'name'>): NegotiationProcess {
  const name = input.name ?? (typeof input.process === 'string' ? 'process' : 'process (JSON)');
  try {
    const text =
      typeof input.process === 'string' ? input.process : StructuredDocument.layOut(input.process, name);
    return readNegotiationProcess(text, name);
  } catch (e) {
    if (e instanceof InvalidDocumentError) {
      throw new TandemError('invalid-file', e.message, { details: { file: e.file, problems: e.problems } });
    }
    throw e;
  }
}

export interface NegotiationCheckReport {
  process: string;
  country: string;
  method: string;
  options: EscalationOptions;
  alerts: EscalationAlert[];
  inclusion: InclusionRow[];
  /** Every party-and-round test, alert or not, so the quiet ones can be read too. */
  tests: EscalationTest[];
  notes: string[];
}

export const negotiationOperations = {
  /**
   * Checks a negotiation process against the events in the store: for each party and round, a
   * one-sided exact test of whether the party's violence in the window before the round rose above
   * its own baseline (alerts list the events of the window), and each delegation's share of women
   * against the process's quota.
   */
  checkNegotiation: defineOperation({
    summary: 'Pre-talks escalation alerts and delegation inclusion for a negotiation process',
    // A process file that cannot be read fails while the input is parsed, before a store is opened.
    input: processInput.superRefine((input) => {
      parseProcessInput(input);
    }),
    async run(ctx, input): Promise<NegotiationCheckReport> {
      const process = parseProcessInput(input);
      const options: EscalationOptions = {
        windowDays: input.windowDays ?? DEFAULT_ESCALATION_OPTIONS.windowDays,
        baselineDays: input.baselineDays ?? DEFAULT_ESCALATION_OPTIONS.baselineDays,
        alpha: input.alpha ?? DEFAULT_ESCALATION_OPTIONS.alpha,
        minEvents: input.minEvents ?? DEFAULT_ESCALATION_OPTIONS.minEvents,
      };
      const data = await readNegotiationData(ctx.store.db, process, options);
      const { tests, alerts } = testEscalation(process, data.events, options);
      const notes: string[] = [];
      if (!data.coverage.from) {
        notes.push(
          `no events for ${process.country} in the store: escalation cannot be tested (import event data first)`,
        );
      } else {
        for (const t of tests) {
          if (t.baselineStart < data.coverage.from && t.party === process.parties[0]?.id) {
            notes.push(
              `round ${t.round}: the baseline starts ${t.baselineStart}, before the first event in the store (${data.coverage.from}); its rate may be too low`,
            );
          }
          if (data.coverage.to && t.windowEnd > data.coverage.to && t.party === process.parties[0]?.id) {
            notes.push(
              `round ${t.round}: the window ends after the last event in the store (${data.coverage.to})`,
            );
          }
        }
      }
      if (data.unknownActors.length && data.coverage.from) {
        const named = await actorsNotInData(ctx.store, process.country, data.unknownActors);
        notes.push(
          `actors with no events for ${process.country} in the store (check the spelling against the data): ${(named.length ? named : data.unknownActors).join('; ')}`,
        );
      }
      for (const r of process.rounds) {
        const missing = process.parties.filter((p) => !r.delegations[p.id]).map((p) => p.id);
        if (missing.length) notes.push(`round ${r.id}: no delegation recorded for ${missing.join(', ')}`);
      }
      if (process.quota.women === undefined)
        notes.push('the process sets no quota for women: meetsQuota is null');
      return {
        process: process.process,
        country: process.country,
        method: escalationMethod(options),
        options,
        alerts,
        inclusion: inclusion(process),
        tests,
        notes,
      };
    },
  }),
};
