import type { Kysely, Selectable } from 'kysely';
import type { HarmKind } from '../domain/harm-kind.ts';
import type { Threat, ThreatLevel, ThreatStatus, ThreatTrend } from '../domain/threat.ts';
import type { ViolenceType } from '../domain/violence-type.ts';
import type { Database, ThreatTable } from '../store/schema.ts';

function toThreat(r: Selectable<ThreatTable>): Threat {
  return {
    id: Number(r.id),
    perpetrator: r.perpetrator,
    perpetratorCategory: r.perpetrator_category,
    isState: Number(r.is_state) === 1,
    targetedPopulation: r.targeted_population,
    violenceType: r.violence_type as ViolenceType,
    country: r.country,
    admin1: r.admin1,
    likelihood: r.likelihood as ThreatLevel,
    severity: r.severity as ThreatLevel,
    harmKinds: JSON.parse(r.harm_kinds) as HarmKind[],
    trend: r.trend as ThreatTrend,
    status: r.status as ThreatStatus,
    events: JSON.parse(r.events) as number[],
    eventCount: Number(r.event_count),
    fatalities: Number(r.fatalities),
    drivers: JSON.parse(r.drivers) as string[],
    note: r.note,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  };
}

function toRow(t: Threat) {
  return {
    perpetrator: t.perpetrator,
    perpetrator_category: t.perpetratorCategory,
    is_state: t.isState ? 1 : 0,
    targeted_population: t.targetedPopulation,
    violence_type: t.violenceType,
    country: t.country,
    admin1: t.admin1,
    likelihood: t.likelihood,
    severity: t.severity,
    trend: t.trend,
    status: t.status,
    events: JSON.stringify(t.events),
    event_count: t.eventCount,
    fatalities: t.fatalities,
    drivers: JSON.stringify(t.drivers),
    harm_kinds: JSON.stringify(t.harmKinds),
    note: t.note,
    updated_by: t.updatedBy,
    updated_at: t.updatedAt,
  };
}

export interface ThreatFilter {
  country?: string;
  admin1?: string;
  ids?: readonly number[];
}

export async function findThreats(db: Kysely<Database>, f: ThreatFilter = {}): Promise<Threat[]> {
  let q = db.selectFrom('threats').selectAll().orderBy('id');
  if (f.country !== undefined) q = q.where('country', '=', f.country);
  if (f.admin1 !== undefined) q = q.where('admin1', '=', f.admin1);
  if (f.ids) q = q.where('id', 'in', f.ids.length ? [...f.ids] : [-1]);
  return (await q.execute()).map(toThreat);
}

export async function insertThreat(db: Kysely<Database>, t: Threat): Promise<number> {
  const r = await db.insertInto('threats').values(toRow(t)).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

/**
 * Writes an analyst's edit of a threat: only the fields named (and who edited, when), so two
 * people editing different fields at once both keep their change, where a whole row written back
 * had kept the last one's.
 */
export async function updateThreat(
  db: Kysely<Database>,
  t: Threat & { id: number },
  fields: readonly (keyof Threat)[],
): Promise<void> {
  const row = toRow(t);
  const column: Partial<Record<keyof Threat, keyof typeof row>> = {
    likelihood: 'likelihood',
    severity: 'severity',
    trend: 'trend',
    status: 'status',
    targetedPopulation: 'targeted_population',
    drivers: 'drivers',
    note: 'note',
  };
  const set: Partial<typeof row> = { updated_by: row.updated_by, updated_at: row.updated_at };
  for (const f of fields) {
    const c = column[f];
    if (!c) throw new Error(`updateThreat: ${f} is not a field an analyst edits`);
    Object.assign(set, { [c]: row[c] });
  }
  await db.updateTable('threats').set(set).where('id', '=', t.id).execute();
}
