import { driverName } from '../domain/driver.ts';
import type { Block, Section, Writer } from './brief-model.ts';
import { cite } from './brief-sources.ts';

/** The brief's threat register: live threats by risk, how many are shown, and those dismissed. */
export function threatSection({ a, t, f, lang }: Writer): Section {
  const live = a.threats.filter((x) => x.status !== 'dismissed');
  const dismissed = a.threats.filter((x) => x.status === 'dismissed');
  const rows = live.map((x) => [
    x.perpetrator,
    x.isState ? t.yes : '',
    t.population(x.targetedPopulation),
    t.violence[x.violenceType] ?? x.violenceType,
    x.admin1 || t.countryName(x.country),
    t.level[x.likelihood] ?? x.likelihood,
    t.level[x.severity] ?? x.severity,
    t.trend[x.trend] ?? x.trend,
    t.status[x.status] ?? x.status,
    x.eventCount,
    x.drivers
      .map((key) => {
        const d = a.drivers.find((y) => y.driver === key);
        return d ? driverName(d, lang) : key;
      })
      .join(', '),
    cite(a.citations, x.events),
  ]);
  // Threats against several groups of one incident, the groups withheld from this reader, read
  // the same: shown once, or their number would say how many groups the reader may not see.
  const shown = [...new Map(rows.map((r) => [JSON.stringify(r), r])).values()];
  const blocks: Block[] = [
    shown.length ? { kind: 'table', head: t.threatHead, rows: shown } : { kind: 'p', text: t.noThreats },
  ];
  // The list is bounded: say how many it shows, never drop threats in silence.
  const n = a.threatCount;
  if (n && (n.shown < n.total || !n.exact))
    blocks.push({ kind: 'p', text: t.threatsShown(f.num(n.shown), f.num(n.total), n.exact) });
  if (dismissed.length)
    blocks.push({
      kind: 'p',
      text: t.dismissed(
        dismissed.map((x) => t.inPlace(x.perpetrator, x.admin1 || t.countryName(x.country))).join('; '),
      ),
    });
  blocks.push({ kind: 'counted', text: t.counted.threats });
  return { title: t.threats, blocks };
}
