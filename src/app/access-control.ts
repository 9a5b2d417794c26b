import { clearanceOf, type Sensitivity, sensitivityRank } from '../domain/sensitivity.ts';
import { TandemError } from '../domain/tandem-error.ts';
import type { StoredEvent } from '../store/event-repository.ts';
import type { AppContext, Requester } from './operation.ts';

/**
 * The one place that decides who sees what. A requester's roles give a clearance; a record above
 * it is released with what identifies people or places removed (notes, source text, location,
 * coordinates), never silently dropped, so counts stay true. Every release of a record that is
 * not public, granted in full or redacted, is written to the access log.
 */
export function canRead(requester: Requester, sensitivity: Sensitivity | string): boolean {
  return sensitivityRank(sensitivity) <= sensitivityRank(clearanceOf(requester.roles));
}

export const REDACTED = '[withheld: above your clearance]';

/** Roles that may read but not change the store. */
export const READ_ONLY_ROLES: readonly string[] = ['viewer'];

/** Refuses a change to the store to a requester whose every role is read-only. */
export function assertMayWrite(requester: Requester, what: string): void {
  if (requester.roles.some((r) => !READ_ONLY_ROLES.includes(r))) return;
  throw new TandemError(
    'forbidden',
    `${requester.name} may read but not change the store (roles: ${requester.roles.join(', ') || 'none'}): ${what}`,
  );
}

/** Refuses an operation to a requester not cleared for `level` (the access log, for instance). */
export function assertClearance(requester: Requester, level: Sensitivity, what: string): void {
  if (canRead(requester, level)) return;
  throw new TandemError('forbidden', `${what}: this is for those cleared for ${level} records`);
}

/** Events as the requester may see them, with the reads of sensitive ones logged. */
export async function releaseEvents(
  ctx: AppContext,
  events: StoredEvent[],
  action = 'read',
): Promise<StoredEvent[]> {
  const log: { granted: boolean; e: StoredEvent }[] = [];
  const out = events.map((e) => {
    if (e.sensitivity === 'public') return e;
    const granted = canRead(ctx.requester, e.sensitivity);
    log.push({ granted, e });
    return granted
      ? e
      : { ...e, notes: REDACTED, sourceText: REDACTED, location: '', latitude: null, longitude: null };
  });
  await logEventReads(
    ctx,
    log.map(({ granted, e }) => ({ id: e.id, sensitivity: e.sensitivity, granted })),
    action,
  );
  return out;
}

/** Writes reads of non-public events to the access log: who, when, what for, and whether granted. */
export async function logEventReads(
  ctx: AppContext,
  reads: readonly { id: number; sensitivity: string; granted: boolean }[],
  action: string,
): Promise<void> {
  const at = new Date().toISOString();
  for (let i = 0; i < reads.length; i += 500) {
    await ctx.store.db
      .insertInto('access_log')
      .values(
        reads.slice(i, i + 500).map((r) => ({
          at,
          requester: ctx.requester.name,
          action,
          record_kind: 'event',
          record_id: String(r.id),
          sensitivity: r.sensitivity,
          granted: r.granted ? 1 : 0,
        })),
      )
      .execute();
  }
}
