import { z } from 'zod';
import { actorNameMask } from '../analysis/actor-name-mask.ts';
import { compileDriverRules, loadDriverTaxonomy } from '../analysis/driver-rules.ts';
import { assertEventsExistFor } from '../analysis/event-scope-check.ts';
import { runJointAnalysis } from '../analysis/joint-analysis.ts';
import type { JointAnalysis } from '../analysis/joint-analysis-result.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { findEvents } from '../store/event-repository.ts';
import {
  hiddenEvents,
  notesAccess,
  releaseActorNames,
  releaseDriverEvidence,
  releaseEvents,
  releaseThreats,
} from './access-control.ts';
import { driverTagOperations } from './driver-tag-operations.ts';
import { checkPeriod, isoDate } from './event-filter-input.ts';
import { numberInput, recordIdInput } from './number-input.ts';
import { defineOperation } from './operation.ts';
import { threatOperations } from './threat-operations.ts';

const scopeInput = z.object({
  country: z.string().min(1).optional(),
  admin1: z.string().min(1).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

/** What the joint analysis takes: its scope and the settings of its alerts and evidence. */
export const analyzeInput = scopeInput.extend({
  /** CUSUM threshold h: the false-alarm setting (higher: fewer false alarms, later alarms). */
  threshold: numberInput(z.number().positive().max(100)).optional(),
  /** The rise to detect, as a multiple of the baseline. */
  shift: numberInput(z.number().gt(1).max(20)).optional(),
  /** Months before a rise whose mean is its baseline. */
  window: numberInput(z.number().int().min(3).max(120)).optional(),
  evidenceLimit: numberInput(z.number().int().min(1).max(1000)).optional(),
  driverSample: numberInput(z.number().int().min(0).max(1_000_000)).optional(),
});
export type AnalyzeInput = z.infer<typeof analyzeInput>;

export const analysisOperations = {
  ...threatOperations,
  ...driverTagOperations,
  analyze: defineOperation({
    summary:
      'The joint analysis of a country or area over a period: violence mapping, hotspots, escalation alerts, perpetrators, drivers and threats, each with the query or events behind it.',
    input: analyzeInput,
    run: async (ctx, input): Promise<JointAnalysis> => {
      checkPeriod(input);
      const hidden = await hiddenEvents(ctx);
      const analysis = await runJointAnalysis(ctx.store.db, {
        country: input.country,
        admin1: input.admin1,
        from: input.from,
        to: input.to,
        evidenceLimit: input.evidenceLimit,
        driverSample: input.driverSample,
        notesAccess: notesAccess(ctx, 'analyze: driver suggestions from notes'),
        hidden,
        cusum: {
          ...(input.threshold !== undefined ? { threshold: input.threshold } : {}),
          ...(input.shift !== undefined ? { shift: input.shift } : {}),
          ...(input.window !== undefined ? { window: input.window } : {}),
        },
      });
      const released = await releaseActorNames(ctx, analysis, hidden, 'analysis');
      return {
        ...released,
        // From the analysis as made: releaseThreats withholds the same names, and keeps the
        // requester's own register entries as they wrote them (ownThreat).
        threats: await releaseThreats(ctx, analysis.threats),
        drivers: await releaseDriverEvidence(ctx, released.drivers),
      };
    },
  }),

  suggestDrivers: defineOperation({
    summary:
      'Driver suggestions from event notes by the transparent rules of data/drivers.yaml: for one event, a text, or the most recent events of a scope; each says which words fired.',
    input: scopeInput.extend({
      eventId: recordIdInput().optional(),
      text: z.string().optional(),
      limit: numberInput(z.number().int().positive().max(10_000)).default(50),
    }),
    run: async (ctx, input) => {
      const matcher = compileDriverRules(loadDriverTaxonomy());
      if (input.text !== undefined) {
        const names = await actorNameMask(ctx.store.db, matcher);
        return { suggestions: [{ eventId: null, suggestions: matcher.suggest(input.text, names) }] };
      }
      checkPeriod(input);
      let events: Awaited<ReturnType<typeof findEvents>>;
      if (input.eventId !== undefined) {
        events = await findEvents(ctx.store.db, { ids: [input.eventId] });
        if (!events.length) throw new TandemError('not-found', `no event with id ${input.eventId}`);
      } else {
        events = await findEvents(ctx.store.db, {
          country: input.country,
          admin1: input.admin1,
          from: input.from,
          to: input.to,
          limit: input.limit,
          newestFirst: true,
        });
        if (!events.length) await assertEventsExistFor(ctx.store.db, input);
      }
      // Actors' names in the notes suggest no driver (actor-name-mask.ts).
      const names = await actorNameMask(ctx.store.db, matcher);
      // Notes above the requester's clearance come back withheld (and suggest nothing); reads are logged.
      events = await releaseEvents(ctx, events, 'drivers suggest');
      return {
        /** How many events were read (the most recent `limit`), of which `suggestions` fired. */
        examined: events.length,
        suggestions: events
          .map((e) => ({
            eventId: e.id,
            sourceEventId: e.sourceEventId,
            date: e.dateStart,
            country: e.country,
            admin1: e.admin1,
            notes: e.notes,
            suggestions: matcher.suggest(e.notes, names),
          }))
          .filter((s) => input.eventId !== undefined || s.suggestions.length > 0),
      };
    },
  }),
};
