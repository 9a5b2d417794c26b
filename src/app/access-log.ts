import { appendAudit } from '../security/audit-chain.ts';
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
