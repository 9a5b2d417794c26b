import type { AreaMonth } from './analysis-queries.ts';
import type { DetectedAlert } from './escalation-alerts.ts';
import { addMonths, monthRange } from './months.ts';
import type { ActorMonth } from './perpetrator-queries.ts';

export interface NewActorOptions {
  /** Violent events within its first `withinMonths` months that make a new actor one at scale. */
  minEvents: number;
  withinMonths: number;
  /** Months of the country's record before an actor can be called new (before, every actor is). */
  minHistory: number;
}

export const DEFAULT_NEW_ACTOR_OPTIONS: NewActorOptions = { minEvents: 5, withinMonths: 3, minHistory: 6 };

/**
 * Actors new to a country that appear at scale: an actor (either side of violent events, civilians
 * excepted) whose first violent event comes at least `minHistory` months into the country's record
 * (named before only in other events, it is new to violence all the same), with `minEvents`
 * violent events within its first `withinMonths` months, alerted in the month the count is reached.
 * The escalation tests cannot see such an actor: they need months of the actor's own history, and
 * by then the new force (an armed opposition born of a split, as the SPLM-IO in December 2013) has
 * been fighting for half a year. Pure.
 */
export function detectNewActors(
  areaMonths: readonly AreaMonth[],
  actorMonths: readonly ActorMonth[],
  o: NewActorOptions,
  firstMonth: string,
  lastMonth: string,
): DetectedAlert[] {
  const countryFirst = new Map<string, string>();
  for (const c of areaMonths)
    if (!countryFirst.has(c.country) || c.month < countryFirst.get(c.country)!)
      countryFirst.set(c.country, c.month);
  const actors = new Map<string, { country: string; actor: string; monthly: Map<string, number> }>();
  for (const c of actorMonths) {
    if (!c.events) continue;
    const k = `${c.country}\u001f${c.actor}`;
    const a = actors.get(k) ?? { country: c.country, actor: c.actor, monthly: new Map<string, number>() };
    a.monthly.set(c.month, (a.monthly.get(c.month) ?? 0) + c.events);
    actors.set(k, a);
  }
  // ACLED dates a state's forces by government ("Military Forces of Somalia (2017-2022)", then
  // "(2022-)"): a renamed force is the same actor, not a new one.
  const lineageFirst = new Map<string, string>();
  for (const a of actors.values()) {
    const k = `${a.country}\u001f${undatedName(a.actor)}`;
    const first = [...a.monthly.keys()].sort()[0]!;
    if (!lineageFirst.has(k) || first < lineageFirst.get(k)!) lineageFirst.set(k, first);
  }
  const found: DetectedAlert[] = [];
  for (const a of [...actors.values()].sort((x, y) => x.actor.localeCompare(y.actor))) {
    const first = [...a.monthly.keys()].sort()[0]!;
    const countryStart = countryFirst.get(a.country) ?? first;
    if (first < addMonths(countryStart, o.minHistory)) continue;
    if (lineageFirst.get(`${a.country}\u001f${undatedName(a.actor)}`)! < first) continue;
    const months = monthRange(first, [addMonths(first, o.withinMonths - 1), lastMonth].sort()[0]!);
    let total = 0;
    for (const [i, m] of months.entries()) {
      total += a.monthly.get(m) ?? 0;
      if (total < o.minEvents) continue;
      if (m >= firstMonth) {
        const counts = months.slice(0, i + 1).map((x) => a.monthly.get(x) ?? 0);
        found.push({
          level: 'actor',
          country: a.country,
          key: a.actor,
          start: first,
          alarm: m,
          metric: 'events',
          kind: 'new-actor',
          baseline: 0,
          observed: Math.round((total / counts.length) * 100) / 100,
          score: total,
          threshold: o.minEvents,
          counts,
          series: { level: 'actor', country: a.country, key: a.actor, actor: a.actor, months, counts },
        });
      }
      break;
    }
  }
  return found;
}

/** An actor's name without ACLED's trailing dates of a government's forces: "(2017-2022)", "(2022-)". */
export function undatedName(actor: string): string {
  return actor.replace(/\s*\(\d{4}-(?:\d{4})?\)\s*$/, '');
}
