import { addDays } from '../domain/calendar-day.ts';
import type { EventCitation } from '../domain/event-citation.ts';
import type { LocalProcess } from '../domain/local-process.ts';
import type { ParticipationIn } from '../domain/participant.ts';
import type { IncidentRef } from './participation-alerts.ts';

/** Who of a local process a record touched: a registered participant, a mediator, a third party. */
export type TouchedVia = 'participant' | 'mediator' | 'third-party';

/**
 * An incident of the mission's log, or an event, that touched the people of a local process. A
 * participant is named by id, and by alias only where the requester may read them in full.
 */
export type TouchingRecord =
  | {
      kind: 'incident';
      id: number;
      date: string;
      category: string;
      admin1: string;
      via: TouchedVia;
      participant: number | null;
      alias: string | null;
      named: string | null;
    }
  | (Omit<NamingEvent, 'targets'> & {
      kind: 'event';
      via: Exclude<TouchedVia, 'participant'>;
      participant: null;
      alias: null;
      named: string;
    });

/** A participant as the check sees them: alias null where the requester may not read it. */
export interface ProcessParticipant {
  id: number;
  alias: string | null;
  processes: readonly ParticipationIn[];
  incidents: readonly number[];
}

/** An event that may name people: its targets (who was harmed) and its actors. */
export interface NamingEvent extends EventCitation {
  actor2: string;
  targets: readonly string[];
}

const norm = (s: string) => s.trim().toLowerCase();

/**
 * The incidents and events in [date − windowDays, date + windowDays] that touched a local
 * process's people: incidents linked in the register to a participant who takes part in it; and
 * incidents whose targeted groups, or events whose targets or actors, name one of its mediators or
 * third parties (the whole name, letter case aside). The caller passes only what the requester may
 * read: incidents' targeted groups and events' names above their reach are left empty.
 */
export function recordsTouchingPeople(
  p: Pick<LocalProcess, 'id' | 'date' | 'mediators' | 'thirdParties'>,
  windowDays: number,
  participants: readonly ProcessParticipant[],
  incidents: readonly IncidentRef[],
  events: readonly NamingEvent[],
): TouchingRecord[] {
  const from = addDays(p.date, -windowDays);
  const to = addDays(p.date, windowDays);
  const inWindow = (d: string) => d >= from && d <= to;
  const people = [
    ...p.mediators.map((name) => ({ name, via: 'mediator' as const })),
    ...p.thirdParties.map((name) => ({ name, via: 'third-party' as const })),
  ].filter((x) => x.name.trim());
  const namedIn = (names: readonly string[]) => {
    const set = new Set(names.filter(Boolean).map(norm));
    return people.find((x) => set.has(norm(x.name)));
  };
  const out: TouchingRecord[] = [];
  const byId = new Map(incidents.map((i) => [i.id, i]));
  for (const person of participants) {
    if (!person.processes.some((x) => x.kind === 'local' && x.process === p.id)) continue;
    for (const id of person.incidents) {
      const i = byId.get(id);
      if (!i || !inWindow(i.occurredOn)) continue;
      out.push({
        kind: 'incident',
        id: i.id,
        date: i.occurredOn,
        category: i.category,
        admin1: i.admin1,
        via: 'participant',
        participant: person.id,
        alias: person.alias,
        named: null,
      });
    }
  }
  for (const i of incidents) {
    if (!inWindow(i.occurredOn)) continue;
    const hit = namedIn(i.targetedGroups);
    if (!hit) continue;
    out.push({
      kind: 'incident',
      id: i.id,
      date: i.occurredOn,
      category: i.category,
      admin1: i.admin1,
      via: hit.via,
      participant: null,
      alias: null,
      named: hit.name,
    });
  }
  for (const e of events) {
    if (!inWindow(e.date)) continue;
    const hit = namedIn([...e.targets, e.actor1, e.actor2]);
    if (!hit) continue;
    const { targets: _t, ...rest } = e;
    out.push({ kind: 'event', ...rest, via: hit.via, participant: null, alias: null, named: hit.name });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind) || a.id - b.id);
}
