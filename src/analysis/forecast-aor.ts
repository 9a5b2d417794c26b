import type { AreaOfResponsibility } from '../domain/plan.ts';
import type { ForecastPanel, PanelSeries } from './forecast-panel.ts';

/** One admin-2 area × month of violent events, for areas of responsibility that split a province. */
export interface ViolentAdmin2Month {
  admin1: string;
  admin2: string;
  month: string;
  events: number;
  fatalities: number;
  /** Of `events`, those dated from the 16th of the month on. */
  lateEvents: number;
}

/** The admin-1 names whose admin-2 counts an area of responsibility needs (its partly covered provinces). */
export function partlyCoveredProvinces(aors: readonly AreaOfResponsibility[]): string[] {
  const out = new Set<string>();
  for (const a of aors) for (const d of a.admin2) if (!a.areas.includes(d.admin1)) out.add(d.admin1);
  return [...out].sort();
}

/**
 * Adds each area of responsibility to the panel as a series of level "aor", keyed by its name:
 * the sum of its whole admin-1 areas' series and of its admin-2 areas' counts (each event once),
 * from the panel's own months only, so nothing after the panel's last month leaks in. Its
 * neighbours are the admin-1 areas that border its provinces, and the provinces it covers in part.
 * An area of responsibility with no violent event by the panel's last month is left out, as an
 * admin-1 area would be. Pure; the panel given is not changed.
 */
export function addAreasOfResponsibility(
  panel: ForecastPanel,
  aors: readonly AreaOfResponsibility[],
  admin2Rows: readonly ViolentAdmin2Month[],
): ForecastPanel {
  const index = new Map(panel.months.map((m, i) => [m, i]));
  const admin1 = new Map<string, number>();
  panel.series.forEach((s, i) => {
    if (s.level === 'admin1') admin1.set(s.key, i);
  });
  const added: PanelSeries[] = [];
  for (const a of aors) {
    const whole = new Set(a.areas);
    const parts = new Set(
      a.admin2.filter((d) => !whole.has(d.admin1)).map((d) => `${d.admin1}\u0000${d.admin2}`),
    );
    const events = panel.months.map(() => 0);
    const fatalities = panel.months.map(() => 0);
    const lateEvents = panel.months.map(() => 0);
    for (const name of whole) {
      const s = panel.series[admin1.get(name) ?? -1];
      if (!s) continue;
      for (let i = 0; i < panel.months.length; i++) {
        events[i]! += s.events[i]!;
        fatalities[i]! += s.fatalities[i]!;
        lateEvents[i]! += s.lateEvents[i]!;
      }
    }
    for (const r of admin2Rows) {
      const i = index.get(r.month);
      if (i === undefined || r.events <= 0 || !parts.has(`${r.admin1}\u0000${r.admin2}`)) continue;
      events[i]! += r.events;
      fatalities[i]! += r.fatalities;
      lateEvents[i]! += r.lateEvents;
    }
    const firstActive = events.findIndex((v) => v > 0);
    if (firstActive < 0) continue;
    const provinces = new Set([...whole, ...a.admin2.map((d) => d.admin1)]);
    const neighbours = new Set<number>();
    for (const name of provinces) {
      const i = admin1.get(name);
      if (i === undefined) continue;
      if (!whole.has(name)) neighbours.add(i);
      for (const j of panel.series[i]!.neighbours) if (!whole.has(panel.series[j]!.key)) neighbours.add(j);
    }
    added.push({
      level: 'aor',
      key: a.name,
      events,
      fatalities,
      lateEvents,
      firstActive,
      neighbours: [...neighbours].sort((x, y) => x - y),
    });
  }
  return { ...panel, series: [...panel.series, ...added] };
}
