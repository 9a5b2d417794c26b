import { z } from 'zod';
import { compileDriverRules, loadDriverTaxonomy } from '../analysis/driver-rules.ts';
import { findDriverTags, insertDriverTag, upsertConfirmation } from '../analysis/driver-tag-repository.ts';
import { type JointAnalysis, runJointAnalysis } from '../analysis/joint-analysis.ts';
import { proposeThreats } from '../analysis/propose-threats.ts';
import { findThreats, insertThreat, updateThreat } from '../analysis/threat-repository.ts';
import { ANALYST_UNITS, type AnalystUnit, type DriverTag, isJointTag } from '../domain/driver.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { THREAT_LEVELS, type Threat, threatKey } from '../domain/threat.ts';
import { VIOLENCE_TYPES } from '../domain/violence-type.ts';
import { appendAudit } from '../security/audit-chain.ts';
import { findEvents } from '../store/event-repository.ts';
import { notesAccess, releaseActorNames, releaseEvents } from './access-control.ts';
import { checkPeriod, isoDate } from './event-filter-input.ts';
import { defineOperation, type Requester } from './operation.ts';

const scopeInput = z.object({
  country: z.string().min(1).optional(),
  admin1: z.string().min(1).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

/** What the joint analysis takes: its scope and the settings of its alerts and evidence. */
export const analyzeInput = scopeInput.extend({
  /** CUSUM threshold h: the false-alarm setting (higher: fewer false alarms, later alarms). */
  threshold: z.coerce.number().positive().max(100).optional(),
  /** The rise to detect, as a multiple of the baseline. */
  shift: z.coerce.number().gt(1).max(20).optional(),
  /** Months before a rise whose mean is its baseline. */
  window: z.coerce.number().int().min(3).max(120).optional(),
  evidenceLimit: z.coerce.number().int().min(1).max(1000).optional(),
  driverSample: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
export type AnalyzeInput = z.infer<typeof analyzeInput>;

const unit = z.enum(ANALYST_UNITS);
const level = z.enum(THREAT_LEVELS);

function now(): string {
  return new Date().toISOString();
}

function withJoint(t: DriverTag) {
  return { ...t, joint: isJointTag(t) };
}

function checkDriver(driver: string): void {
  const keys = loadDriverTaxonomy().drivers.map((d) => d.key);
  if (!keys.includes(driver))
    throw new TandemError(
      'bad-input',
      `unknown driver "${driver}"; the taxonomy (data/drivers.yaml) has: ${keys.join(', ')}`,
    );
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
  const units = ANALYST_UNITS.filter((u) => requester.roles.includes(u));
  if (input.unit && units.length && !units.includes(input.unit)) {
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
  analyze: defineOperation({
    summary:
      'The joint analysis of a country or area over a period: violence mapping, hotspots, escalation alerts, perpetrators, drivers and threats, each with the query or events behind it.',
    input: analyzeInput,
    run: async (ctx, input): Promise<JointAnalysis> => {
      checkPeriod(input);
      const analysis = await runJointAnalysis(ctx.store.db, {
        country: input.country,
        admin1: input.admin1,
        from: input.from,
        to: input.to,
        evidenceLimit: input.evidenceLimit,
        driverSample: input.driverSample,
        notesAccess: notesAccess(ctx, 'analyze: driver suggestions from notes'),
        cusum: {
          ...(input.threshold !== undefined ? { threshold: input.threshold } : {}),
          ...(input.shift !== undefined ? { shift: input.shift } : {}),
          ...(input.window !== undefined ? { window: input.window } : {}),
        },
      });
      return releaseActorNames(ctx, analysis);
    },
  }),

  suggestDrivers: defineOperation({
    summary:
      'Driver suggestions from event notes by the transparent rules of data/drivers.yaml: for one event, a text, or the most recent events of a scope; each says which words fired.',
    input: scopeInput.extend({
      eventId: z.coerce.number().int().positive().optional(),
      text: z.string().optional(),
      limit: z.coerce.number().int().positive().max(10_000).default(50),
    }),
    run: async (ctx, input) => {
      const matcher = compileDriverRules(loadDriverTaxonomy());
      if (input.text !== undefined)
        return { suggestions: [{ eventId: null, suggestions: matcher.suggest(input.text) }] };
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
        });
        events = events.slice(-input.limit).reverse();
      }
      // Notes above the requester's clearance come back withheld (and suggest nothing); reads are logged.
      events = await releaseEvents(ctx, events, 'drivers suggest');
      return {
        suggestions: events
          .map((e) => ({
            eventId: e.id,
            sourceEventId: e.sourceEventId,
            date: e.dateStart,
            country: e.country,
            admin1: e.admin1,
            notes: e.notes,
            suggestions: matcher.suggest(e.notes),
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
        eventId: z.coerce.number().int().positive().optional(),
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
        country = e.country;
        admin1 = e.admin1;
      }
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
      tagId: z.coerce.number().int().positive(),
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
      const [updated] = await findDriverTags(ctx.store.db, { ids: [tag.id] });
      return withJoint(updated!);
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
      const tags = (await findDriverTags(ctx.store.db, input)).map(withJoint);
      return {
        taxonomy: taxonomy.drivers,
        joint: tags.filter((t) => t.joint),
        unconfirmed: tags.filter((t) => !t.joint),
      };
    },
  }),

  listThreats: defineOperation({
    summary:
      'The threat register as analysts keep it (saved threats only; `proposeThreats` shows what the data suggests).',
    input: z.object({ country: z.string().min(1).optional(), admin1: z.string().optional() }),
    run: async (ctx, input) => ({ threats: await findThreats(ctx.store.db, input) }),
  }),

  proposeThreats: defineOperation({
    writes: (input) => input.save,
    summary:
      'Threats proposed from the data (perpetrator × targeted population × violence type × area, with likelihood, severity, trend, events and drivers); with save, new ones are added to the register as proposed.',
    input: scopeInput.extend({
      save: z.boolean().default(false),
      limit: z.coerce.number().int().positive().max(1000).optional(),
    }),
    run: async (ctx, input) => {
      checkPeriod(input);
      const threats = await proposeThreats(ctx.store.db, {
        ...input,
        notesAccess: notesAccess(ctx, 'threats: driver suggestions from notes'),
      });
      if (!input.save) return { threats, saved: 0 };
      let saved = 0;
      await ctx.store.db.transaction().execute(async (tx) => {
        const existing = new Set((await findThreats(tx, { country: input.country })).map(threatKey));
        for (const t of threats) {
          if (t.id !== null || existing.has(threatKey(t))) continue;
          t.id = await insertThreat(tx, { ...t, updatedBy: ctx.requester.name, updatedAt: now() });
          saved++;
        }
      });
      return { threats, saved };
    },
  }),

  addThreat: defineOperation({
    writes: true,
    summary:
      'Add a threat to the register by hand (what the data does not show: rumours, reports, patrol findings).',
    input: z.object({
      perpetrator: z.string().min(1),
      targetedPopulation: z.string().min(1),
      violenceType: z.enum(VIOLENCE_TYPES),
      country: z.string().min(1),
      admin1: z.string().default(''),
      likelihood: level,
      severity: level,
      trend: z.enum(['rising', 'stable', 'falling', 'new']).default('new'),
      drivers: z.array(z.string()).default([]),
      events: z.array(z.number().int().positive()).default([]),
      note: z.string().default(''),
    }),
    run: async (ctx, input) => {
      for (const d of input.drivers) checkDriver(d);
      const t: Threat = {
        id: null,
        perpetratorCategory: null,
        isState: false,
        status: 'accepted',
        harmKinds: [],
        eventCount: input.events.length,
        fatalities: 0,
        updatedBy: ctx.requester.name,
        updatedAt: now(),
        ...input,
      };
      const dup = (await findThreats(ctx.store.db, { country: t.country, admin1: t.admin1 })).find(
        (x) => threatKey(x) === threatKey(t),
      );
      if (dup)
        throw new TandemError(
          'conflict',
          `that threat is already in the register as ${dup.id}; edit it instead`,
        );
      t.id = await insertThreat(ctx.store.db, t);
      return t;
    },
  }),

  editThreat: defineOperation({
    writes: true,
    summary:
      'Edit a threat in the register: likelihood, severity, trend, status, targeted population, drivers, note.',
    input: z.object({
      id: z.coerce.number().int().positive(),
      likelihood: level.optional(),
      severity: level.optional(),
      trend: z.enum(['rising', 'stable', 'falling', 'new']).optional(),
      status: z.enum(['proposed', 'accepted', 'dismissed']).optional(),
      targetedPopulation: z.string().min(1).optional(),
      drivers: z.array(z.string()).optional(),
      note: z.string().optional(),
    }),
    run: async (ctx, { id, ...changes }) => {
      const [t] = await findThreats(ctx.store.db, { ids: [id] });
      if (!t) throw new TandemError('not-found', `no threat with id ${id}`);
      for (const d of changes.drivers ?? []) checkDriver(d);
      const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      const next = {
        ...t,
        status: t.status === 'proposed' ? 'accepted' : t.status,
        ...defined,
        id,
        updatedBy: ctx.requester.name,
        updatedAt: now(),
      } as Threat & { id: number };
      await updateThreat(ctx.store.db, next);
      return next;
    },
  }),
};
