import { sensitivityRank } from '../domain/sensitivity.ts';
import { appendAudit } from '../security/audit-chain.ts';
import { openNonPublicByLevel, type SummaryFilter } from '../store/event-summary.ts';
import type { HiddenEvents } from '../store/hidden-records.ts';
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
