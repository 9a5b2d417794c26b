import type { Kysely, Selectable } from 'kysely';
import type { ParticipationIn, ProtectiveMeasure } from '../domain/participant.ts';
import type { ParticipantTable } from './participation-schema.ts';
import type { Database } from './schema.ts';

/** A participant's row with its links: the processes and rounds, the incidents, the measures. */
export interface ParticipantRecord {
  row: Selectable<ParticipantTable>;
  processes: ParticipationIn[];
  incidents: number[];
  measures: ProtectiveMeasure[];
}

/** Stores a participant's links, in the caller's transaction. */
export async function insertParticipantLinks(
  trx: Kysely<Database>,
  id: number,
  links: {
    processes: readonly ParticipationIn[];
    incidents: readonly number[];
    measures: readonly ProtectiveMeasure[];
  },
): Promise<void> {
  const processes = links.processes.flatMap((p) =>
    (p.rounds.length ? p.rounds : ['']).map((round) => ({
      participant_id: id,
      process_kind: p.kind,
      process: p.process,
      round,
    })),
  );
  if (processes.length) await trx.insertInto('participant_processes').values(processes).execute();
  if (links.incidents.length)
    await trx
      .insertInto('participant_incidents')
      .values(links.incidents.map((incident_id) => ({ participant_id: id, incident_id })))
      .execute();
  if (links.measures.length)
    await trx
      .insertInto('participant_measures')
      .values(
        links.measures.map((m) => ({
          participant_id: id,
          kind: m.kind,
          owner: m.owner,
          status: m.status,
          review_on: m.reviewOn,
        })),
      )
      .execute();
}

/** Removes a participant and every link of theirs (processes, incidents, measures): an erasure. */
export async function eraseParticipantRecord(trx: Kysely<Database>, id: number): Promise<void> {
  for (const table of ['participant_measures', 'participant_incidents', 'participant_processes'] as const)
    await trx.deleteFrom(table).where('participant_id', '=', id).execute();
  await trx.deleteFrom('participants').where('id', '=', id).execute();
}

/** Sets the status (and review date) of a participant's measure, the `index`th in the order recorded. */
export async function setMeasureStatus(
  db: Kysely<Database>,
  participantId: number,
  index: number,
  change: { status: string; reviewOn?: string | null },
): Promise<boolean> {
  const measures = await db
    .selectFrom('participant_measures')
    .select('id')
    .where('participant_id', '=', participantId)
    .orderBy('id')
    .execute();
  const target = measures[index];
  if (!target) return false;
  await db
    .updateTable('participant_measures')
    .set({
      status: change.status,
      ...(change.reviewOn !== undefined ? { review_on: change.reviewOn } : {}),
    })
    .where('id', '=', target.id)
    .execute();
  return true;
}

/** The participants of a country (all when none is named), with their links, in id order. */
export async function findParticipants(
  db: Kysely<Database>,
  filter: { country?: string; id?: number } = {},
): Promise<ParticipantRecord[]> {
  let q = db.selectFrom('participants').selectAll().orderBy('id');
  if (filter.country) q = q.where('country', '=', filter.country);
  if (filter.id !== undefined) q = q.where('id', '=', filter.id);
  const rows = await q.execute();
  if (!rows.length) return [];
  const ids = rows.map((r) => Number(r.id));
  const [procs, incs, meas] = await Promise.all([
    db.selectFrom('participant_processes').selectAll().where('participant_id', 'in', ids).execute(),
    db.selectFrom('participant_incidents').selectAll().where('participant_id', 'in', ids).execute(),
    db
      .selectFrom('participant_measures')
      .selectAll()
      .where('participant_id', 'in', ids)
      .orderBy('id')
      .execute(),
  ]);
  return rows.map((row) => {
    const id = Number(row.id);
    const byProcess = new Map<string, ParticipationIn>();
    for (const p of procs.filter((x) => Number(x.participant_id) === id)) {
      const key = `${p.process_kind}:${p.process}`;
      const entry = byProcess.get(key) ?? {
        process: p.process,
        kind: p.process_kind as ParticipationIn['kind'],
        rounds: [],
      };
      if (p.round) entry.rounds.push(p.round);
      byProcess.set(key, entry);
    }
    return {
      row,
      processes: [...byProcess.values()],
      incidents: incs.filter((x) => Number(x.participant_id) === id).map((x) => Number(x.incident_id)),
      measures: meas
        .filter((x) => Number(x.participant_id) === id)
        .map((m) => ({
          kind: m.kind,
          owner: m.owner,
          status: m.status as ProtectiveMeasure['status'],
          reviewOn: m.review_on,
        })),
    };
  });
}

/** The stored negotiation processes: id, name, country and the text kept (counts, no names). */
export async function storedNegotiations(
  db: Kysely<Database>,
  filter: { country?: string } = {},
): Promise<{ id: number; process: string; country: string; text: string; fileName: string }[]> {
  let q = db
    .selectFrom('negotiation_processes')
    .select(['id', 'process', 'country', 'source_text', 'file_name'])
    .orderBy('id', 'desc');
  if (filter.country) q = q.where('country', '=', filter.country);
  return (await q.execute()).map((r) => ({
    id: Number(r.id),
    process: r.process,
    country: r.country,
    text: r.source_text,
    fileName: r.file_name,
  }));
}

/** Incidents by id: what an alert lists of them (never the sealed fields). */
export async function incidentSummaries(
  db: Kysely<Database>,
  filter: { ids?: readonly number[]; country?: string },
): Promise<
  {
    id: number;
    occurredOn: string;
    category: string;
    admin1: string;
    targetedGroups: string[];
    verification: string;
    sensitivity: string;
    office: string;
  }[]
> {
  let q = db
    .selectFrom('incidents')
    .select([
      'id',
      'occurred_on',
      'category',
      'admin1',
      'targeted_groups',
      'verification',
      'sensitivity',
      'office',
    ])
    .orderBy('occurred_on')
    .orderBy('id');
  if (filter.ids) q = q.where('id', 'in', filter.ids.length ? [...filter.ids] : [-1]);
  if (filter.country) q = q.where('country', '=', filter.country);
  return (await q.execute()).map((r) => ({
    id: Number(r.id),
    occurredOn: r.occurred_on,
    category: r.category,
    admin1: r.admin1,
    targetedGroups: JSON.parse(r.targeted_groups),
    verification: r.verification,
    sensitivity: r.sensitivity,
    office: r.office,
  }));
}
