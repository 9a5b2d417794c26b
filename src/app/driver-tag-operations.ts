import { z } from 'zod';
import { loadDriverTaxonomy } from '../analysis/driver-rules.ts';
import {
  findDriverTags,
  insertDriverTag,
  upsertConfirmation,
  upsertDispute,
  withdrawDriverTag,
} from '../analysis/driver-tag-repository.ts';
import { assertEventsExistFor } from '../analysis/event-scope-check.ts';
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
import { assertMayTagEvent, releaseDriverTags } from './access-control.ts';
import { checkDriver } from './driver-check.ts';
import { recordIdInput } from './number-input.ts';
import { type AppContext, defineOperation, type Requester } from './operation.ts';

// Analysts' driver tags: made by one unit, confirmed by the other, disputed, withdrawn.

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

/** The standing tag `tagId`, or not-found; on an event, only where the requester may tag it. */
async function standingTag(ctx: AppContext, tagId: number): Promise<DriverTag> {
  const [tag] = await findDriverTags(ctx.store.db, { ids: [tagId] });
  if (!tag) throw new TandemError('not-found', `no driver tag with id ${tagId} (or it was withdrawn)`);
  if (tag.eventId !== null) {
    const [e] = await findEvents(ctx.store.db, { ids: [tag.eventId] });
    if (e) await assertMayTagEvent(ctx, e);
  }
  return tag;
}

/** The tag as the requester may see it, with whether it is joint (read before names are withheld). */
async function released(ctx: AppContext, tagId: number) {
  const [tag] = await releaseDriverTags(
    ctx,
    (await findDriverTags(ctx.store.db, { ids: [tagId] })).map(withJoint),
  );
  return tag!;
}

/** A tag's making, confirmation, dispute or withdrawal, in the audit chain under the acting analyst. */
function auditTag(ctx: AppContext, action: string, tagId: number, detail: Record<string, unknown>) {
  return appendAudit(ctx.store.db, [
    {
      actor: ctx.requester.name,
      action,
      recordKind: 'driver-tag',
      recordId: String(tagId),
      sensitivity: 'internal',
      detail,
    },
  ]);
}

const reason = z.string().trim().min(1, 'say why, in a sentence the other unit can answer');

export const driverTagOperations = {
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
      await auditTag(ctx, 'tagged', id, { driver: input.driver, unit: tagUnit, country, admin1 });
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
      const tag = await standingTag(ctx, input.tagId);
      if (tag.analyst === analyst)
        throw new TandemError(
          'conflict',
          `${analyst} made tag ${tag.id}; a confirmation must come from someone else`,
        );
      const { unit: confirmUnit } = actingAnalyst(ctx.requester, input);
      const wasJoint = isJointTag(tag);
      await upsertConfirmation(ctx.store.db, tag.id, { analyst, unit: confirmUnit, at: now() });
      await auditTag(ctx, 'confirmed', tag.id, { unit: confirmUnit });
      // Whether it was joint before this confirmation, so no one is told it has only now become so.
      return { ...(await released(ctx, tag.id)), wasJoint };
    },
  }),

  disputeDriver: defineOperation({
    writes: true,
    summary:
      'Dispute a driver tag, with the reason, as a POC or political analyst who does not stand behind it. A disputed tag is no joint finding until the analyst confirms it after all or its maker withdraws it.',
    input: z.object({
      tagId: recordIdInput(),
      reason,
      unit: unit.optional(),
      analyst: z.string().min(1).optional(),
    }),
    run: async (ctx, input) => {
      const analyst = ctx.requester.name;
      const tag = await standingTag(ctx, input.tagId);
      if (tag.analyst === analyst)
        throw new TandemError(
          'conflict',
          `${analyst} made tag ${tag.id}; withdraw it (tandem drivers withdraw ${tag.id} --reason …) rather than dispute it`,
        );
      const { unit: disputeUnit } = actingAnalyst(ctx.requester, input);
      await upsertDispute(ctx.store.db, tag.id, {
        analyst,
        unit: disputeUnit,
        reason: input.reason,
        at: now(),
      });
      await auditTag(ctx, 'disputed', tag.id, { unit: disputeUnit, reason: input.reason });
      return released(ctx, tag.id);
    },
  }),

  withdrawDriver: defineOperation({
    writes: true,
    summary:
      'Withdraw a driver tag you made, with the reason. It then counts nowhere; the audit chain keeps who made it, who confirmed or disputed it, and why it was withdrawn.',
    input: z.object({ tagId: recordIdInput(), reason }),
    run: async (ctx, input) => {
      const analyst = ctx.requester.name;
      const tag = await standingTag(ctx, input.tagId);
      // The maker, or an administrator for an analyst who has left the mission.
      if (tag.analyst !== analyst && !ctx.requester.roles.includes('admin'))
        throw new TandemError(
          'forbidden',
          `only the analyst who made tag ${tag.id} (or an administrator) may withdraw it; dispute it instead (tandem drivers dispute ${tag.id} --reason …)`,
        );
      const at = now();
      await withdrawDriverTag(ctx.store.db, tag.id, { reason: input.reason, at });
      await auditTag(ctx, 'withdrawn', tag.id, {
        reason: input.reason,
        driver: tag.driver,
        madeBy: tag.analyst,
      });
      return { id: tag.id, driver: tag.driver, withdrawnAt: at, reason: input.reason };
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
