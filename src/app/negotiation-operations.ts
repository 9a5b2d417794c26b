import { z } from 'zod';
import { NEGOTIATION_CHECK_TEXT } from '../agreements/negotiation-check-text.ts';
import {
  addDays,
  DEFAULT_ESCALATION_OPTIONS,
  type EscalationOptions,
  escalationMethod,
  inclusion,
  testEscalation,
} from '../agreements/negotiation-checks.ts';
import { readNegotiationData } from '../agreements/negotiation-evidence.ts';
import { ignoredProcessFields, readNegotiationProcess } from '../agreements/negotiation-process.ts';
import { countriesLike } from '../analysis/event-scope-check.ts';
import type {
  EscalationAlert,
  EscalationTest,
  InclusionRow,
  NegotiationProcess,
} from '../domain/negotiation.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { InvalidDocumentError, StructuredDocument } from '../sources/structured-document.ts';
import { hiddenEvents, logCitedEvents, namesWithheldFrom } from './access-control.ts';
import { actorsNotInData } from './actor-suggestions.ts';
import { languageInput } from './language-input.ts';
import { numberInput } from './number-input.ts';
import { defineOperation } from './operation.ts';

const processInput = z.object({
  /** The process file's text (YAML or JSON), or the parsed object. */
  process: z.union([z.string(), z.record(z.string(), z.unknown())]),
  name: z.string().optional(),
  // Coerced, so that the CLI's flags (text) and the API's JSON numbers are read alike.
  windowDays: numberInput(z.number().int().min(1).max(365)).optional(),
  baselineDays: numberInput(z.number().int().min(1).max(3650)).optional(),
  alpha: numberInput(z.number().gt(0).lt(1)).optional(),
  minEvents: numberInput(z.number().int().min(1)).optional(),
  lang: languageInput,
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
      // Only events the requester may read in full: a party named after a withheld actor would
      // otherwise be counted, and its count would confirm the name.
      const hidden = await hiddenEvents(ctx);
      const data = await readNegotiationData(ctx.store.db, process, options, hidden);
      // A country the store holds no event of, spelt close to one it holds ("South Sudn"), is a
      // misspelling: refused, naming the country meant, as the analysis refuses it (alerts probe).
      // Another country altogether is answered, its escalation untested and said so: a process
      // may be stored before its events are imported, and its delegations can still be checked.
      if (!data.coverage.from) {
        const meant = await countriesLike(ctx.store.db, process.country);
        if (meant.length)
          throw new TandemError(
            'not-found',
            `${input.name ?? 'process'}: country: no events for country "${process.country}" (did you mean ${meant.map((c) => `"${c}"`).join(' or ')}?)`,
            { details: { field: 'country' } },
          );
      }
      const { tests, alerts } = testEscalation(
        data.process,
        data.events,
        options,
        input.lang,
        data.coverage.from,
        data.coverage.to,
        data.unknownActors,
        data.sourceCoverage,
      );
      const t = NEGOTIATION_CHECK_TEXT[input.lang ?? 'en'].notes;
      const notes: string[] = [];
      const ignored = ignoredProcessFields(process);
      const file = input.name ?? 'process';
      if (ignored.length)
        notes.push(
          t.ignoredFields(ignored.map((f) => `${file}:${f.line}:${f.column}: ${f.path}: ${f.reason}`)),
        );
      if (!data.coverage.from) {
        notes.push(t.noEvents(process.country));
      } else {
        for (const test of tests) {
          const asked = addDays(test.windowStart, -options.baselineDays);
          if (asked < data.coverage.from && test.party === process.parties[0]?.id) {
            notes.push(
              t.baselineEarly(test.round, asked, data.coverage.from, test.baselineDays, test.testable),
            );
          }
          if (
            data.coverage.to &&
            test.windowEnd > data.coverage.to &&
            test.party === process.parties[0]?.id
          ) {
            notes.push(t.windowLate(test.round, data.coverage.to));
          }
        }
      }
      const actorless = process.parties.filter((p) => !p.actors.length).map((p) => p.id);
      if (actorless.length) notes.push(t.noActors(actorless));
      if (data.unknownActors.length && data.coverage.from) {
        const named = await actorsNotInData(
          ctx.store,
          process.country,
          data.unknownActors,
          await namesWithheldFrom(ctx, hidden),
        );
        notes.push(t.unknownActors(process.country, named.length ? named : data.unknownActors));
      }
      for (const r of process.rounds) {
        // Parties by name and id ("Kessa Liberation Front (klf)"), as the reader knows them.
        const missing = process.parties
          .filter((p) => !r.delegations[p.id])
          .map((p) => (p.name && p.name !== p.id ? `${p.name} (${p.id})` : p.id));
        if (missing.length) notes.push(t.noDelegation(r.id, missing));
      }
      if (process.quota.women === undefined) notes.push(t.noQuota);
      // Every event the tests counted that is not public is a read (all readable: see above).
      await logCitedEvents(
        ctx,
        data.events.map((e) => e.id),
        'negotiation check',
      );
      return {
        process: process.process,
        country: process.country,
        method: escalationMethod(options, input.lang),
        options,
        alerts,
        inclusion: inclusion(process),
        tests,
        notes,
      };
    },
  }),
};
