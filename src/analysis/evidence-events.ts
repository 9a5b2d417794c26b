import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { harmedGroup, perpetratedBy, perpetratorBranches } from './harmed-group.ts';

/** A raw event as evidence: enough to find it and to judge it. */
export interface EvidenceEvent {
  id: number;
  source: string;
  sourceEventId: string;
  date: string;
  country: string;
  admin1: string;
  actor1: string;
  actor2: string;
  violenceType: string;
  civilianTargeting: boolean;
  fatalities: number;
  /** The record's sensitivity; notes are only read where the requester may read them. */
  sensitivity: string;
  notes: string;
}

export interface EvidenceQuery {
  country?: string;
  admin1?: string;
  /**
   * An actor of the event as the actor alerts' series counts one (readActorMonths): either side of
   * fighting, the first actor of any other violence, or acting with one of those (ACLED's
   * associated actors, groups of people excepted); never the target of an attack.
   */
  actor?: string;
  /** Actor must perpetrate the event: its first actor, or acting with it (perpetratorBranches). */
  actorAsPerpetrator?: boolean;
  from: string;
  to: string;
  violenceTypes?: readonly string[];
  civilianTargeting?: boolean;
  /** Only events that harmed this group (threat-targets.ts: a named group, or none named). */
  target?: { group: string; named: boolean };
  limit: number;
  /** 'lethal': most fatalities first; 'recent': newest first. */
  order: 'lethal' | 'recent';
  withNotes?: boolean;
}

/** Bounded list of raw events behind a figure. Ties are broken by id so results are stable. */
export async function readEvidence(db: Kysely<Database>, q: EvidenceQuery): Promise<EvidenceEvent[]> {
  let s = db
    .selectFrom('events')
    .select([
      'id',
      'source',
      'source_event_id',
      'date_start',
      'country',
      'admin1',
      'actor1',
      'actor2',
      'violence_type',
      'civilian_targeting',
      'fatalities',
      'sensitivity',
    ])
    .where('date_start', '>=', q.from)
    .where('date_start', '<=', q.to);
  if (q.country !== undefined) s = s.where('country', '=', q.country);
  if (q.withNotes) s = s.select('notes');
  if (q.admin1 !== undefined) s = s.where('admin1', '=', q.admin1);
  if (q.actor !== undefined && !q.actorAsPerpetrator) s = s.where(perpetratedBy(q.actor));
  if (q.violenceTypes?.length) s = s.where('violence_type', 'in', [...q.violenceTypes]);
  if (q.civilianTargeting !== undefined) s = s.where('civilian_targeting', '=', q.civilianTargeting ? 1 : 0);
  if (q.target) s = s.where(harmedGroup(q.target));
  s =
    q.order === 'lethal'
      ? s.orderBy('fatalities', 'desc').orderBy('date_start').orderBy('id')
      : s.orderBy('date_start', 'desc').orderBy('id', 'desc');
  let rows: Awaited<ReturnType<typeof s.execute>>;
  if (q.actor !== undefined && q.actorAsPerpetrator) {
    // A perpetrator's events as first actor and as one acting with it (disjoint), merged in the
    // same order and cut to the same limit.
    rows = [];
    for (const branch of perpetratorBranches(q.actor)) {
      let b = s;
      for (const c of branch) b = b.where(c);
      rows.push(...(await b.limit(q.limit).execute()));
    }
    const lethal = q.order === 'lethal';
    rows = rows
      .sort((a, b) =>
        lethal
          ? Number(b.fatalities) - Number(a.fatalities) ||
            a.date_start.localeCompare(b.date_start) ||
            Number(a.id) - Number(b.id)
          : b.date_start.localeCompare(a.date_start) || Number(b.id) - Number(a.id),
      )
      .slice(0, q.limit);
  } else rows = await s.limit(q.limit).execute();
  return rows.map((r) => ({
    id: Number(r.id),
    source: r.source,
    sourceEventId: r.source_event_id,
    date: r.date_start,
    country: r.country,
    admin1: r.admin1,
    actor1: r.actor1,
    actor2: r.actor2,
    violenceType: r.violence_type,
    civilianTargeting: Number(r.civilian_targeting) === 1,
    fatalities: Number(r.fatalities),
    sensitivity: r.sensitivity,
    notes: (r as { notes?: string }).notes ?? '',
  }));
}
