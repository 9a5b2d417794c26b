import { z } from 'zod';
import { actorNameMask } from '../analysis/actor-name-mask.ts';
import { compileDriverRules, loadDriverTaxonomy } from '../analysis/driver-rules.ts';
import { findDriverTags, insertDriverTag, upsertConfirmation } from '../analysis/driver-tag-repository.ts';
import { assertEventsExistFor } from '../analysis/event-scope-check.ts';
import { runJointAnalysis } from '../analysis/joint-analysis.ts';
import type { JointAnalysis } from '../analysis/joint-analysis-result.ts';
import {
  ANALYST_UNITS,
  type AnalystUnit,
  type DriverTag,
  isJointTag,
  unitsOfRoles,
} from '../domain/driver.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { appendAudit } from '../security/audit-chain.ts';
import { findEvents } from '../store/event-repository.ts';
import {
  assertMayTagEvent,
  hiddenEvents,
  notesAccess,
  releaseActorNames,
  releaseDriverEvidence,
  releaseDriverTags,
  releaseEvents,
  releaseThreats,
} from './access-control.ts';
import { checkDriver } from './driver-check.ts';
import { checkPeriod, isoDate } from './event-filter-input.ts';
import { numberInput, recordIdInput } from './number-input.ts';
import { defineOperation, type Requester } from './operation.ts';
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

const unit = z.enum(ANALYST_UNITS);

function now(): string {
  return new Date().toISOString();
}

function withJoint(t: DriverTag) {
  return { ...t, joint: isJointTag(t) };
}

/**
 * Who tags or confirms a driver, and for which unit: always the person the request acts for (the
 * signed-in account; at the terminal, $TANDEM_USER or --analyst), never a name typed in, so one
 * person cannot make a driver joint under two names. The unit comes from the account's role
 * (`poc` or `political`) where it has one; a unit that contradicts it is refused.
 */
function actingAnalyst(
  requester: Requester,
  input: { analyst?: string; unit?: AnalystUnit },
): { analyst: string; unit: AnalystUnit } {
  const analyst = requester.name;
  if (input.analyst !== undefined && input.analyst !== analyst) {
    throw new TandemError(
      'bad-input',
      `analyst: this is recorded under the name you act as ("${analyst}"), not "${input.analyst}"`,
    );
  }
  const units = unitsOfRoles(requester.roles);
  if (!units.length)
    throw new TandemError(
      'forbidden',
      `${analyst} may not tag or confirm drivers: that takes a POC role (poc, protection, human-rights) or the political role, and ${analyst} has ${requester.roles.join(', ') || 'none'}`,
    );
  if (input.unit && !units.includes(input.unit)) {
    throw new TandemError(
      'bad-input',
      `unit: ${analyst} works in the ${units.join(' and ')} unit, not ${input.unit}`,
    );
  }
  const chosen = input.unit ?? (units.length === 1 ? units[0] : undefined);
  if (!chosen) throw new TandemError('bad-input', 'unit: say which unit you tag for: poc or political');
  return { analyst, unit: chosen };
}

export const analysisOperations = {
  ...threatOperations,
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

  tagDriver: defineOperation({
    writes: true,
    summary:
      'Tag a driver on an event or an area, as a POC or political analyst. The tag becomes joint once an analyst of the other unit confirms it.',
    input: z
      .object({
        driver: z.string().min(1),
        eventId: recordIdInput().optional(),
        country: z.string().min(1).optional(),
        admin1: z.string().optional(),
        unit: unit.optional(),
        analyst: z.string().min(1).optional(),
        note: z.string().default(''),
      })
      .refine(
        (i) => i.eventId !== undefined || i.country !== undefined,
        'give an event id or a country (and admin1)',
      ),
    run: async (ctx, input) => {
      checkDriver(input.driver);
      const { analyst, unit: tagUnit } = actingAnalyst(ctx.requester, input);
      let country = input.country ?? '';
      let admin1 = input.admin1 ?? '';
      if (input.eventId !== undefined) {
        const [e] = await findEvents(ctx.store.db, { ids: [input.eventId] });
        if (!e) throw new TandemError('not-found', `no event with id ${input.eventId}`);
        await assertMayTagEvent(ctx, e);
        country = e.country;
        admin1 = e.admin1;
      } else {
        // A tag on an area the store does not know ("Narnia", or Ouaka under South Sudan) would be
        // counted nowhere: refused naming the field, with what the store holds.
        await assertEventsExistFor(ctx.store.db, { country, admin1: admin1 || undefined });
      }
      // The same analyst tagging the same driver on the same event or area again (a second click)
      // gets the tag they made: a second one counted as another analyst's support, and offered the
      // other unit a second confirmation.
      const same = (await findDriverTags(ctx.store.db, { driver: input.driver, country, admin1 })).find(
        (t) => t.analyst === analyst && t.eventId === (input.eventId ?? null),
      );
      if (same) return withJoint(same);
      const id = await insertDriverTag(ctx.store.db, {
        driver: input.driver,
        eventId: input.eventId ?? null,
        country,
        admin1,
        analyst,
        unit: tagUnit,
        note: input.note,
        at: now(),
      });
      await appendAudit(ctx.store.db, [
        {
          actor: analyst,
          action: 'tagged',
          recordKind: 'driver-tag',
          recordId: String(id),
          sensitivity: 'internal',
          detail: { driver: input.driver, unit: tagUnit, country, admin1 },
        },
      ]);
      const [tag] = await findDriverTags(ctx.store.db, { ids: [id] });
      return withJoint(tag!);
    },
  }),

  confirmDriver: defineOperation({
    writes: true,
    summary:
      'Confirm a driver tag as a POC or political analyst. A tag is joint once a POC analyst and a political analyst, two people, stand behind it.',
    input: z.object({
      tagId: recordIdInput(),
      unit: unit.optional(),
      analyst: z.string().min(1).optional(),
    }),
    run: async (ctx, input) => {
      const analyst = ctx.requester.name;
      const [tag] = await findDriverTags(ctx.store.db, { ids: [input.tagId] });
      if (!tag) throw new TandemError('not-found', `no driver tag with id ${input.tagId}`);
      if (tag.analyst === analyst)
        throw new TandemError(
          'conflict',
          `${analyst} made tag ${tag.id}; a confirmation must come from someone else`,
        );
      const { unit: confirmUnit } = actingAnalyst(ctx.requester, input);
      if (tag.eventId !== null) {
        const [e] = await findEvents(ctx.store.db, { ids: [tag.eventId] });
        if (e) await assertMayTagEvent(ctx, e);
      }
      const wasJoint = isJointTag(tag);
      await upsertConfirmation(ctx.store.db, tag.id, { analyst, unit: confirmUnit, at: now() });
      await appendAudit(ctx.store.db, [
        {
          actor: analyst,
          action: 'confirmed',
          recordKind: 'driver-tag',
          recordId: String(tag.id),
          sensitivity: 'internal',
          detail: { unit: confirmUnit },
        },
      ]);
      // Joint or not is read before names are withheld: two withheld names are not one person.
      const [updated] = await releaseDriverTags(
        ctx,
        (await findDriverTags(ctx.store.db, { ids: [tag.id] })).map(withJoint),
      );
      // Whether it was joint before this confirmation, so no one is told it has only now become so.
      return { ...updated!, wasJoint };
    },
  }),

  listDrivers: defineOperation({
    summary: 'The driver taxonomy and the analysts’ tags in a scope, joint and unconfirmed apart.',
    input: z.object({
      country: z.string().min(1).optional(),
      admin1: z.string().optional(),
      driver: z.string().optional(),
    }),
    run: async (ctx, input) => {
      const taxonomy = loadDriverTaxonomy();
      const tags = await releaseDriverTags(ctx, (await findDriverTags(ctx.store.db, input)).map(withJoint));
      return {
        taxonomy: taxonomy.drivers,
        joint: tags.filter((t) => t.joint),
        unconfirmed: tags.filter((t) => !t.joint),
      };
    },
  }),
};
