import type { Kysely, Selectable } from 'kysely';
import type { Friction, FrictionDecision, FrictionKind, FrictionStatus } from '../domain/friction.ts';
import type { Database, FrictionTable } from './schema.ts';

/** A registered friction as stored (found is decided by the caller, against today's checks). */
export type RegisteredFriction = Omit<Friction, 'found'>;

function toFriction(r: Selectable<FrictionTable>): RegisteredFriction {
  return {
    ref: r.ref,
    country: r.country,
    kind: r.kind as FrictionKind,
    subject: r.subject,
    message: r.message,
    evidence: JSON.parse(r.evidence) as unknown[],
    registered: true,
    owner: r.owner,
    decision: r.decision as FrictionDecision | null,
    status: r.status as FrictionStatus,
    reviewDate: r.review_date,
    note: r.note,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  };
}

export async function findFrictions(db: Kysely<Database>, country?: string): Promise<RegisteredFriction[]> {
  let q = db.selectFrom('frictions').selectAll().orderBy('id');
  if (country !== undefined) q = q.where('country', '=', country);
  return (await q.execute()).map(toFriction);
}

/** Writes a friction's register row, inserting it the first time. */
/** The fields of a friction an edit may change, by their names in the register. */
export type FrictionEditField = 'owner' | 'decision' | 'status' | 'reviewDate' | 'note';

/**
 * Registers a friction, or records an edit of one. `changed` names the fields the edit set: only
 * they (with who decided, when the decision changed, and who edited) are written over a friction
 * already registered, so two people editing different fields at once both keep their change, and
 * two first edits at once register it once (an upsert on its reference, where a look-up then an
 * insert had failed the second with a duplicate key).
 */
export async function saveFriction(
  db: Kysely<Database>,
  f: RegisteredFriction,
  changed: { fields: readonly FrictionEditField[]; decision: boolean },
): Promise<void> {
  const row = {
    ref: f.ref,
    country: f.country,
    kind: f.kind,
    subject: f.subject,
    message: f.message,
    evidence: JSON.stringify(f.evidence),
    owner: f.owner,
    decision: f.decision,
    status: f.status,
    review_date: f.reviewDate,
    note: f.note,
    decided_by: f.decidedBy,
    decided_at: f.decidedAt,
    updated_by: f.updatedBy ?? '',
    updated_at: f.updatedAt ?? new Date().toISOString(),
  };
  const column = {
    owner: 'owner',
    decision: 'decision',
    status: 'status',
    reviewDate: 'review_date',
    note: 'note',
  } as const;
  const set: Partial<typeof row> = {
    message: row.message,
    evidence: row.evidence,
    updated_by: row.updated_by,
    updated_at: row.updated_at,
  };
  for (const field of changed.fields) Object.assign(set, { [column[field]]: row[column[field]] });
  if (changed.decision) Object.assign(set, { decided_by: row.decided_by, decided_at: row.decided_at });
  await db
    .insertInto('frictions')
    .values(row)
    .onConflict((oc) => oc.column('ref').doUpdateSet(set))
    .execute();
}
