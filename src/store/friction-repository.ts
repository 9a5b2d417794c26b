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
export async function saveFriction(db: Kysely<Database>, f: RegisteredFriction): Promise<void> {
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
  const existing = await db.selectFrom('frictions').select('id').where('ref', '=', f.ref).executeTakeFirst();
  if (existing) await db.updateTable('frictions').set(row).where('id', '=', existing.id).execute();
  else await db.insertInto('frictions').values(row).execute();
}
