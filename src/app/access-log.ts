import { SENSITIVITY_LEVELS, sensitivityRank } from '../domain/sensitivity.ts';
import { appendAudit } from '../security/audit-chain.ts';
import { openNonPublicByLevel, type SummaryFilter } from '../store/event-summary.ts';
import {
  eventsNaming,
  type HiddenEvents,
  hiddenEventTest,
  namesOnlyHidden,
} from '../store/hidden-records.ts';
import type { AppContext } from './operation.ts';

// The access log's entries for the releases access-control.ts decides.

/** Writes reads of non-public events to the access log: who, when, what for, and whether granted. */
export function logEventReads(
  ctx: AppContext,
  reads: readonly { id: number; sensitivity: string; granted: boolean }[],
  action: string,
): Promise<void> {
  return logReads(ctx, 'event', reads, action);
}

/**
 * Writes releases of non-public records of one kind to the audit chain (security/audit-chain.ts):
 * who, when, which record, at what level, whether released in full or withheld, and what for.
 */
export async function logReads(
  ctx: AppContext,
  kind: string,
  reads: readonly { id: number | string; sensitivity: string; granted: boolean }[],
  purpose: string,
): Promise<void> {
  await appendAudit(
    ctx.store.db,
    reads.map((r) => ({
      actor: ctx.requester.name,
      action: r.granted ? 'released' : 'withheld',
      recordKind: kind,
      recordId: String(r.id),
      sensitivity: r.sensitivity,
      detail: { purpose },
    })),
  );
}

/**
 * Writes to the access log a summary that names districts or groups (admin-2, target) and counts
 * non-public events the requester may read: one entry for the summary, at the highest level it
 * counts, with how many events of each level and the scope, since naming a district beside a
 * count releases something of each of them.
 */
export async function logSummaryRead(
  ctx: AppContext,
  dimensions: string,
  filter: SummaryFilter,
  hidden: HiddenEvents,
): Promise<void> {
  const levels = await openNonPublicByLevel(ctx.store.db, hidden, filter);
  if (!levels.length) return;
  const highest = levels.reduce((a, b) =>
    sensitivityRank(b.sensitivity) > sensitivityRank(a.sensitivity) ? b : a,
  );
  await appendAudit(ctx.store.db, [
    {
      actor: ctx.requester.name,
      action: 'released',
      recordKind: 'summary',
      recordId: dimensions,
      sensitivity: highest.sensitivity,
      detail: {
        purpose: 'summary',
        ...filter,
        events: Object.fromEntries(levels.map((l) => [l.sensitivity, l.events])),
      },
    },
  ]);
}

/** Every level above public: what names known only from the mission's own records are read from. */
const NOT_PUBLIC: HiddenEvents = {
  levels: SENSITIVITY_LEVELS.filter((l) => l !== 'public'),
  missionIds: [],
};

/**
 * Writes to the audit chain, as released, each record the requester may read that alone carries a
 * name `released` shows: an actor or a group harmed that no public event names is known only
 * from the mission's own records, and naming it releases something of each of them.
 */
export async function logNamesReleased(
  ctx: AppContext,
  released: unknown,
  hidden: HiddenEvents,
  purpose: string,
): Promise<void> {
  const onlyNonPublic = await namesOnlyHidden(ctx.store.db, NOT_PUBLIC);
  if (!onlyNonPublic.size) return;
  const shown = namesShownIn(released, onlyNonPublic);
  if (!shown.size) return;
  const isHiddenEvent = hiddenEventTest(hidden);
  const carriers = (await eventsNaming(ctx.store.db, shown)).filter((e) => !isHiddenEvent(e));
  await logReads(
    ctx,
    'event',
    carriers.map((e) => ({ id: e.id, sensitivity: e.sensitivity, granted: true })),
    purpose,
  );
}

/** Of `names`, those that some text in `value` (its keys too) contains. */
function namesShownIn(value: unknown, names: ReadonlySet<string>): Set<string> {
  const shown = new Set<string>();
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const n of names) if (!shown.has(n) && v.includes(n)) shown.add(n);
    } else if (Array.isArray(v)) for (const x of v) visit(x);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        visit(k);
        visit(x);
      }
  };
  visit(value);
  return shown;
}
