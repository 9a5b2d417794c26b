import { z } from 'zod';
import { assertEventsExistFor } from '../analysis/event-scope-check.ts';
import { proposeThreatList } from '../analysis/propose-threats.ts';
import { findThreats, insertThreat, updateThreat } from '../analysis/threat-repository.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { THREAT_LEVELS, THREAT_TRENDS, type Threat, threatKey } from '../domain/threat.ts';
import { VIOLENCE_TYPES } from '../domain/violence-type.ts';
import { type AuditEntry, appendAudit } from '../security/audit-chain.ts';
import { findEvents } from '../store/event-repository.ts';
import {
  assertMayEditThreat,
  hiddenEvents,
  notesAccess,
  releaseActorNames,
  releaseThreats,
  threatsReadInFull,
} from './access-control.ts';
import { checkDriver } from './driver-check.ts';
import { checkPeriod, eventFilterInput } from './event-filter-input.ts';
import { numberInput, recordIdInput, recordIdNumber } from './number-input.ts';
import { type AppContext, defineOperation } from './operation.ts';

const level = z.enum(THREAT_LEVELS);

const scopeInput = eventFilterInput.extend({ admin1: z.string().min(1).optional() });

function now(): string {
  return new Date().toISOString();
}

/** The fields an edit changed, each with its value before and after (a note only as changed). */
function threatChanges(before: Threat, after: Threat): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ['likelihood', 'severity', 'trend', 'status', 'targetedPopulation', 'drivers'] as const) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) out[k] = { from: before[k], to: after[k] };
  }
  if (before.note !== after.note) out.note = 'changed';
  return out;
}

/**
 * The threat register as analysts keep it: listed, proposed from the data, added by hand and
 * edited. Additions and edits are recorded under the person the request acts for (the signed-in
 * account; at the terminal $TANDEM_USER) and appended to the audit chain.
 */
export const threatOperations = {
  listThreats: defineOperation({
    summary:
      'The threat register as analysts keep it (saved threats only; `proposeThreats` shows what the data suggests).',
    input: z.object({ country: z.string().min(1).optional(), admin1: z.string().optional() }),
    run: async (ctx, input) => ({
      threats: await releaseThreats(ctx, await findThreats(ctx.store.db, input)),
    }),
  }),

  proposeThreats: defineOperation({
    writes: (input) => input.save,
    summary:
      'Threats proposed from the data (perpetrator × targeted population × violence type × area, with likelihood, severity, trend, events and drivers), the highest risk (likelihood × severity) first and at most `limit`: `shown` of `total`, and those left out in `leftOut`; with save, new ones listed are added to the register as proposed (`notSaved`: the left-out ones, not added).',
    input: scopeInput.extend({
      save: z.boolean().default(false),
      limit: numberInput(z.number().int().positive().max(1000)).optional(),
    }),
    run: async (ctx, input) => {
      checkPeriod(input);
      const hidden = await hiddenEvents(ctx);
      const proposed = await proposeThreatList(ctx.store.db, {
        ...input,
        notesAccess: notesAccess(ctx, 'threats: driver suggestions from notes'),
        hidden,
      });
      const { threats, shown, total, exact, leftOut } = proposed;
      // The left-out threats name actors too: withheld as everywhere when only hidden records carry them.
      const counts = {
        shown,
        total,
        totalExact: exact,
        leftOut: await releaseActorNames(ctx, leftOut, hidden, 'threats'),
      };
      if (!input.save) return { threats: await releaseThreats(ctx, threats), saved: 0, ...counts };
      let saved = 0;
      // Only entries the requester may read in full keep a proposal out: one resting on records
      // withheld from them is not named, by its absence from `saved` or otherwise.
      const stored = await threatsReadInFull(
        ctx,
        await findThreats(ctx.store.db, { country: input.country }),
      );
      await ctx.store.db.transaction().execute(async (tx) => {
        const existing = new Set(stored.map(threatKey));
        const added: AuditEntry[] = [];
        for (const t of threats) {
          if (t.id !== null || existing.has(threatKey(t))) continue;
          t.id = await insertThreat(tx, { ...t, updatedBy: ctx.requester.name, updatedAt: now() });
          // A threat is saved once, however many proposals share its key.
          existing.add(threatKey(t));
          saved++;
          // Who put it in the register, and as what, is on the chain as a hand-added threat is
          // (joint-work probe: the data's threats entered it without a trace).
          added.push({
            actor: ctx.requester.name,
            action: 'added',
            recordKind: 'threat',
            recordId: String(t.id),
            sensitivity: 'internal',
            detail: { likelihood: t.likelihood, severity: t.severity, status: t.status, from: 'data' },
          });
        }
        if (added.length) await appendAudit(tx, added);
      });
      // Only what the list shows is saved: the threats it left out are named, not lost in silence.
      return { threats: await releaseThreats(ctx, threats), saved, ...counts, notSaved: leftOut.length };
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
      trend: z.enum(THREAT_TRENDS).default('new'),
      drivers: z.array(z.string()).default([]),
      events: z.array(recordIdNumber()).default([]),
      note: z.string().default(''),
    }),
    run: async (ctx, input) => {
      for (const d of input.drivers) checkDriver(d);
      // A threat the data does not show may stand where no event has yet, but in a country the
      // store knows, and with events that exist there (an API probe stored one in "Narnia" citing
      // event 999999, and one citing another country's event).
      await assertEventsExistFor(ctx.store.db, { country: input.country });
      await assertEventsOfCountry(ctx, input.country, input.events);
      const t: Threat = {
        id: null,
        perpetratorCategory: null,
        isState: false,
        harmKinds: [],
        status: 'accepted',
        eventCount: input.events.length,
        fatalities: 0,
        updatedBy: ctx.requester.name,
        updatedAt: now(),
        ...input,
      };
      // An entry of the same threat that the requester may not read in full is not named: theirs
      // is added beside it (the register's key is not unique for that reason).
      const same = (await findThreats(ctx.store.db, { country: t.country, admin1: t.admin1 })).filter(
        (x) => threatKey(x) === threatKey(t),
      );
      const [dup] = await threatsReadInFull(ctx, same);
      if (dup)
        throw new TandemError(
          'conflict',
          `that threat is already in the register as ${dup.id}; edit it instead`,
        );
      await ctx.store.db.transaction().execute(async (trx) => {
        t.id = await insertThreat(trx, t);
        await appendAudit(trx, [
          {
            actor: ctx.requester.name,
            action: 'added',
            recordKind: 'threat',
            recordId: String(t.id),
            sensitivity: 'internal',
            detail: { likelihood: t.likelihood, severity: t.severity, status: t.status },
          },
        ]);
      });
      return t;
    },
  }),

  editThreat: defineOperation({
    writes: true,
    summary:
      'Edit a threat in the register: likelihood, severity, trend, status, targeted population, drivers, note.',
    input: z.object({
      id: recordIdInput(),
      likelihood: level.optional(),
      severity: level.optional(),
      trend: z.enum(THREAT_TRENDS).optional(),
      status: z.enum(['proposed', 'accepted', 'dismissed']).optional(),
      targetedPopulation: z.string().min(1).optional(),
      drivers: z.array(z.string()).optional(),
      note: z.string().optional(),
    }),
    run: async (ctx, { id, ...changes }) => {
      const [t] = await findThreats(ctx.store.db, { ids: [id] });
      if (!t) throw new TandemError('not-found', `no threat with id ${id}`);
      await assertMayEditThreat(ctx, t);
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
      await ctx.store.db.transaction().execute(async (trx) => {
        // The fields this edit set, and the status a first edit accepts.
        const fields = Object.keys(defined) as (keyof Threat)[];
        await updateThreat(
          trx,
          next,
          next.status === t.status || fields.includes('status') ? fields : [...fields, 'status'],
        );
        await appendAudit(trx, [
          {
            actor: ctx.requester.name,
            action: 'edited',
            recordKind: 'threat',
            recordId: String(id),
            sensitivity: 'internal',
            // What changed, from what to what; a note's text stays in the register, not the audit.
            detail: { changes: threatChanges(t, next) },
          },
        ]);
      });
      return next;
    },
  }),
};

/** Refuses cited events that do not exist, or that are of another country (field `events`). */
async function assertEventsOfCountry(
  ctx: AppContext,
  country: string,
  ids: readonly number[],
): Promise<void> {
  if (!ids.length) return;
  const found = new Map((await findEvents(ctx.store.db, { ids })).map((e) => [e.id, e.country]));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length)
    throw new TandemError('not-found', `events: no event with id ${missing.join(', ')}`, {
      details: { field: 'events' },
    });
  const elsewhere = ids.filter((id) => found.get(id) !== country);
  if (elsewhere.length)
    throw new TandemError(
      'bad-input',
      `events: ${elsewhere.map((id) => `event ${id} is in ${found.get(id)}`).join('; ')}, not in ${country}`,
      { details: { field: 'events' } },
    );
}
