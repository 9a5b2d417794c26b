import { addDays } from '../domain/calendar-day.ts';
import type { Language } from '../domain/language.ts';
import type { ParticipationAlertKind, ParticipationIn } from '../domain/participant.ts';
import { PARTICIPATION_ALERT_TEXT } from './participation-alert-text.ts';

export const DEFAULT_THREAT_WEEKS = 6;
/** How long before a local process's date an attack on its people still counts against it. */
export const LOCAL_ATTACK_DAYS_BEFORE = 90;

/** An incident as an alert lists it: what, when, where; never its narrative or source. */
export interface IncidentRef {
  id: number;
  occurredOn: string;
  category: string;
  admin1: string;
  targetedGroups: string[];
}

export interface AlertParticipant {
  id: number;
  /** The group or organisation, lower-cased for matching; '' when not known or not readable. */
  organisation: string;
  processes: ParticipationIn[];
  incidents: number[];
}

/** A round or meeting with its date, by process (`negotiation:ID` or `local:ID`). */
export type RoundsByProcess = Map<string, { id: string; date: string }[]>;

export interface QuotaRound {
  id: string;
  women: number;
  total: number;
}

export interface ParticipationAlert {
  kind: ParticipationAlertKind;
  participant: number | null;
  process: string;
  round: string | null;
  message: string;
  incidents: IncidentRef[];
  /** For below-quota-trend: each round's share of women against the quota. */
  shares?: { round: string; women: number; total: number; share: number | null; quota: number }[];
}

export const processKey = (p: Pick<ParticipationIn, 'kind' | 'process'>) => `${p.kind}:${p.process}`;

function targets(i: IncidentRef, groups: readonly string[]): boolean {
  const g = new Set(groups.filter(Boolean).map((x) => x.trim().toLowerCase()));
  return i.targetedGroups.some((t) => g.has(t.trim().toLowerCase()));
}

/**
 * Threats before a round: for each participant and each round or meeting they attend, the
 * incidents against them (linked to them in the register) or against their group (an incident
 * whose targeted groups name their organisation) in the `weeks` weeks before its date.
 */
export function threatsBeforeRounds(
  participants: readonly AlertParticipant[],
  rounds: RoundsByProcess,
  incidents: readonly IncidentRef[],
  weeks = DEFAULT_THREAT_WEEKS,
  lang: Language = 'en',
): ParticipationAlert[] {
  const out: ParticipationAlert[] = [];
  for (const p of participants) {
    const linked = new Set(p.incidents);
    const against = incidents.filter(
      (i) => linked.has(i.id) || (p.organisation && targets(i, [p.organisation])),
    );
    if (!against.length) continue;
    for (const attends of p.processes) {
      const all = rounds.get(processKey(attends)) ?? [];
      const attended = attends.rounds.length ? all.filter((r) => attends.rounds.includes(r.id)) : all;
      for (const r of attended) {
        const from = addDays(r.date, -7 * weeks);
        const hits = against.filter((i) => i.occurredOn >= from && i.occurredOn < r.date);
        if (!hits.length) continue;
        out.push({
          kind: 'threat-before-round',
          participant: p.id,
          process: attends.process,
          round: r.id,
          message: PARTICIPATION_ALERT_TEXT[lang].threatBeforeRound({
            participant: p.id,
            round: r.id,
            process: attends.process,
            date: r.date,
            incidents: hits.length,
            weeks,
          }),
          incidents: hits,
        });
      }
    }
  }
  return out;
}

/** Each round's women and delegates, summed over its delegations. */
export function quotaRounds(
  rounds: readonly {
    id: string;
    delegations: Record<string, { women: number; men: number; other: number }>;
  }[],
): QuotaRound[] {
  return rounds.map((r) => {
    const ds = Object.values(r.delegations);
    const women = ds.reduce((s, d) => s + d.women, 0);
    return { id: r.id, women, total: ds.reduce((s, d) => s + d.women + d.men + d.other, 0) };
  });
}

/**
 * Women's share of a process's delegations below its quota round after round: an alert when the
 * last two rounds or more (the latest included) are all below the quota and the latest round's
 * share is no higher than the one before it (15%, 13%, 24% is rising: no alert; 15%, 24%, 13% is
 * not). The shares of every round are listed. `name`, the process as the message names it.
 */
export function belowQuotaTrend(
  process: string,
  quota: number | undefined,
  rounds: readonly QuotaRound[],
  lang: Language = 'en',
  name: string = process,
): ParticipationAlert[] {
  if (quota === undefined || rounds.length < 2) return [];
  const shares = rounds.map((r) => ({
    round: r.id,
    women: r.women,
    total: r.total,
    share: r.total ? r.women / r.total : null,
    quota,
  }));
  let run = 0;
  for (let i = shares.length - 1; i >= 0; i--) {
    const s = shares[i]!.share;
    if (s === null || s >= quota) break;
    run++;
  }
  if (run < 2) return [];
  const tail = shares.slice(-run);
  if ((tail.at(-1)!.share ?? 0) > (tail.at(-2)!.share ?? 0)) return [];
  return [
    {
      kind: 'below-quota-trend',
      participant: null,
      process,
      round: tail.at(-1)!.round,
      message: PARTICIPATION_ALERT_TEXT[lang].belowQuota({ process: name, quota, rounds: tail }),
      incidents: [],
      shares,
    },
  ];
}

export interface AlertLocalProcess {
  id: string;
  name: string;
  date: string;
  mediators: string[];
  thirdParties: string[];
}

/**
 * Attacks on a local process's people: incidents against participants registered for it, and
 * incidents whose targeted groups name one of its mediators or third parties, from
 * LOCAL_ATTACK_DAYS_BEFORE days before its date on.
 */
export function localMediatorsAttacked(
  processes: readonly AlertLocalProcess[],
  participants: readonly AlertParticipant[],
  incidents: readonly IncidentRef[],
  lang: Language = 'en',
): ParticipationAlert[] {
  const text = PARTICIPATION_ALERT_TEXT[lang];
  const out: ParticipationAlert[] = [];
  for (const lp of processes) {
    const from = addDays(lp.date, -LOCAL_ATTACK_DAYS_BEFORE);
    const recent = incidents.filter((i) => i.occurredOn >= from);
    for (const p of participants) {
      if (!p.processes.some((x) => x.kind === 'local' && x.process === lp.id)) continue;
      const linked = new Set(p.incidents);
      const hits = recent.filter((i) => linked.has(i.id));
      if (!hits.length) continue;
      out.push({
        kind: 'local-mediators-attacked',
        participant: p.id,
        process: lp.id,
        round: null,
        message: text.participantAttacked({
          participant: p.id,
          process: lp.name,
          incidents: hits.length,
          since: from,
        }),
        incidents: hits,
      });
    }
    const byGroup = recent.filter((i) => targets(i, [...lp.mediators, ...lp.thirdParties]));
    if (byGroup.length) {
      out.push({
        kind: 'local-mediators-attacked',
        participant: null,
        process: lp.id,
        round: null,
        message: text.groupsAttacked({ process: lp.name, incidents: byGroup.length, since: from }),
        incidents: byGroup,
      });
    }
  }
  return out;
}
