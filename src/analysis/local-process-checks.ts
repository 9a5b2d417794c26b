import { addDays } from '../domain/calendar-day.ts';
import type { Language } from '../domain/language.ts';
import { type LocalProcess, linkedToNational } from '../domain/local-process.ts';
import type { Plan } from '../domain/plan.ts';
import type { NearbyEvent } from '../store/local-process-repository.ts';
import { greatCircleKm } from './great-circle.ts';
import { LOCAL_PROCESS_CHECK_TEXT } from './local-process-check-text.ts';
import type { TouchingRecord } from './local-process-people.ts';

export const DEFAULT_RADIUS_KM = 50;
export const DEFAULT_WINDOW_DAYS = 180;
/** Fewer local-violence events than this in an activity's areas is not yet a pattern. */
export const LOCAL_VIOLENCE_MIN_EVENTS = 3;
/** Actor categories whose violence is local: militias raised along community or political lines. */
export const LOCAL_ACTOR_CATEGORIES = ['identity-militia', 'political-militia'] as const;

/** An event as a figure of the check lists it. */
export type EvidenceEvent = Omit<NearbyEvent, 'latitude' | 'longitude' | 'sensitivity'> & {
  /** Km from the process; null for an event withheld from the requester (withheldNearbyEvent). */
  distanceKm: number | null;
};

/** Events and deaths in one window around a process, and the events behind the figures. */
export interface WindowCount {
  from: string;
  to: string;
  events: number;
  fatalities: number;
  evidence: EvidenceEvent[];
}

export type LocalFinding =
  | {
      kind: 'local-national-disconnect';
      message: string;
      nationalLink: string;
      planObjectives: string[] | null;
    }
  | {
      kind: 'breaking-down';
      message: string;
      parties: string[];
      before: number;
      after: number;
      evidence: EvidenceEvent[];
    }
  | {
      kind: 'participants-or-mediators-targeted';
      message: string;
      /** Ids of the mission's incidents and of the events behind it. */
      incidents: number[];
      events: number[];
    };

/** The two windows of the contract: [date − days, date − 1 day] and [date + 1 day, date + days]. */
export function windowsAround(
  date: string,
  days: number,
): { before: [string, string]; after: [string, string] } {
  return {
    before: [addDays(date, -days), addDays(date, -1)],
    after: [addDays(date, 1), addDays(date, days)],
  };
}

/**
 * Counts the events within `radiusKm` (great circle, R = 6371 km) of a process's place whose first
 * day falls in each window, with the deaths they record, and lists them nearest first.
 */
export function countAround(
  p: Pick<LocalProcess, 'date' | 'latitude' | 'longitude'>,
  events: readonly NearbyEvent[],
  radiusKm: number,
  windowDays: number,
): { before: WindowCount; after: WindowCount } {
  const w = windowsAround(p.date, windowDays);
  const make = ([from, to]: [string, string]): WindowCount => {
    const evidence = events
      .filter((e) => e.date >= from && e.date <= to)
      .map((e) => ({ e, d: greatCircleKm(p.latitude, p.longitude, e.latitude, e.longitude) }))
      .filter(({ d }) => d <= radiusKm)
      .map(({ e, d }) => {
        const { latitude: _la, longitude: _lo, sensitivity: _s, ...rest } = e;
        return { ...rest, distanceKm: Math.round(d * 10) / 10 };
      });
    return {
      from,
      to,
      events: evidence.length,
      fatalities: evidence.reduce((n, e) => n + e.fatalities, 0),
      evidence,
    };
  };
  return { before: make(w.before), after: make(w.after) };
}

/** Plan objectives (concept or strategy) that exist in the plan, of those a process names. */
export function planObjectivesTying(p: Pick<LocalProcess, 'objectives'>, plan: Plan): string[] {
  const ids = new Set([
    ...plan.concept.objectives.map((o) => o.id),
    ...plan.strategies.flatMap((s) => s.objectives.map((o) => o.id)),
  ]);
  return p.objectives.filter((o) => ids.has(o));
}

/**
 * Whether an event involves one of a process's parties: an actor named exactly as a party (any
 * length: "UPC", "3R"); an actor whose name carries a party written as an acronym as a word of
 * its own ("UPC" in ACLED's "UPC: Union for Peace in the Central African Republic"); or, for
 * parties written as prose (PA-X Local's `Part`), an actor name of 4 or more characters that the
 * party's text contains.
 */
export function involvesParty(
  e: Pick<NearbyEvent, 'actor1' | 'actor2'>,
  parties: readonly string[],
): string[] {
  return partyMatcher(parties)(e);
}

/** involvesParty for one process's parties, their acronyms compiled once for all its events. */
function partyMatcher(parties: readonly string[]): (e: Pick<NearbyEvent, 'actor1' | 'actor2'>) => string[] {
  const lower = parties.map((p) => p.toLowerCase());
  const acronyms = parties
    .filter((p) => ACRONYM.test(p))
    .map((p) => new RegExp(`(?<![\\p{L}\\p{N}])${p}(?![\\p{L}\\p{N}])`, 'u'));
  const hit = (actor: string) => {
    const a = actor.toLowerCase();
    if (lower.includes(a)) return true;
    if (acronyms.some((r) => r.test(actor))) return true;
    return actor.length >= 4 && lower.some((p) => p.includes(a));
  };
  return (e) => [e.actor1, e.actor2].filter((a) => a && hit(a));
}

/** A party written as an acronym: capitals and digits, two to eight of them ("UPC", "3R", "FPRC"). */
const ACRONYM = /^(?=[0-9]*[A-Z])[A-Z0-9]{2,8}$/;

/**
 * The findings about one process: `local-national-disconnect` exactly when it has no link to the
 * national process and, when a plan is given, no objective of the plan ties it either;
 * `breaking-down` when an agreement's parties are involved in more events near it after its date
 * than before (and in at least two after); `participants-or-mediators-targeted` when incidents or
 * events touched its participants, mediators or third parties (`touching`, from
 * recordsTouchingPeople). Whether a field office follows it is the check's `office`. The messages
 * are written in `lang`.
 */
export function processFindings(
  p: LocalProcess,
  around: { before: WindowCount; after: WindowCount },
  plan: Plan | null,
  touching: readonly TouchingRecord[] = [],
  lang: Language = 'en',
): LocalFinding[] {
  const text = LOCAL_PROCESS_CHECK_TEXT[lang];
  const out: LocalFinding[] = [];
  const tied = plan ? planObjectivesTying(p, plan) : null;
  if (!linkedToNational(p) && !tied?.length) {
    out.push({
      kind: 'local-national-disconnect',
      message: text.disconnect({ name: p.name, planMission: plan ? plan.mission : null }),
      nationalLink: p.nationalLink,
      planObjectives: tied,
    });
  }
  if (p.status !== 'negotiating') {
    const involved = partyMatcher(p.parties);
    const byParties = (w: WindowCount) => w.evidence.filter((e) => involved(e).length);
    const before = byParties(around.before);
    const after = byParties(around.after);
    if (after.length > before.length && after.length >= 2) {
      const named = [...new Set(after.flatMap(involved))];
      out.push({
        kind: 'breaking-down',
        message: text.breakingDown({
          name: p.name,
          parties: named,
          after: after.length,
          before: before.length,
          date: p.date,
        }),
        parties: named,
        before: before.length,
        after: after.length,
        evidence: [...before, ...after],
      });
    }
  }
  if (touching.length) {
    const incidents = [...new Set(touching.filter((t) => t.kind === 'incident').map((t) => t.id))];
    const events = [...new Set(touching.filter((t) => t.kind === 'event').map((t) => t.id))];
    out.push({
      kind: 'participants-or-mediators-targeted',
      message: text.targeted({
        name: p.name,
        incidents: incidents.length,
        events: events.length,
        date: p.date,
      }),
      incidents,
      events,
    });
  }
  return out;
}

/** A field activity of the plan in areas of local violence with no local process there. */
export interface OfficeFinding {
  kind: 'office-activity-without-local-process';
  activity: string;
  office: string;
  areas: string[];
  message: string;
  evidence: EvidenceEvent[];
}

/**
 * Field-office activities of a plan whose areas saw local violence (events with a militia raised
 * along community or political lines, LOCAL_ACTOR_CATEGORIES, at least LOCAL_VIOLENCE_MIN_EVENTS
 * in the plan's period) and no local process in those areas: politics is being done without the
 * local process that the violence calls for.
 */
export function officeFindings(
  plan: Plan,
  processes: readonly Pick<LocalProcess, 'admin1' | 'office'>[],
  localEvents: readonly (EvidenceEvent & { admin1: string })[],
  lang: Language = 'en',
): OfficeFinding[] {
  const fieldOffices = new Set(plan.offices.filter((o) => o.level === 'field').map((o) => o.id));
  const out: OfficeFinding[] = [];
  for (const a of plan.activities) {
    if (!a.office || !fieldOffices.has(a.office) || !a.areas.length) continue;
    const areas = new Set(a.areas);
    if (processes.some((p) => areas.has(p.admin1))) continue;
    const evidence = localEvents.filter((e) => areas.has(e.admin1));
    if (evidence.length < LOCAL_VIOLENCE_MIN_EVENTS) continue;
    out.push({
      kind: 'office-activity-without-local-process',
      activity: a.id,
      office: a.office,
      areas: [...areas],
      message: LOCAL_PROCESS_CHECK_TEXT[lang].officeWithoutProcess({
        activity: a.id,
        office: a.office,
        areas: [...areas],
        events: evidence.length,
      }),
      evidence,
    });
  }
  return out;
}
