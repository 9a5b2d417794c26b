import type { Section, Writer } from './brief-model.ts';
import { citeEvidence } from './brief-sources.ts';

/** The brief's escalation alerts: the method, any gap in the data, and the alarms, newest first. */
export function alertSection({ a, t, f }: Writer): Section {
  const c = a.settings.cusum;
  return {
    title: t.alertsTitle,
    blocks: [
      { kind: 'p', text: t.alertsIntro(c.threshold, c.shift, c.window) },
      ...(a.period.dataGaps?.length && a.scope.country
        ? [
            {
              kind: 'p' as const,
              text: t.alertsGap(
                t.countryName(a.scope.country),
                a.period.dataGaps.map((g) =>
                  t.gapRun(f.month(g.from), f.month(g.to), g.months, Math.round(g.shareBefore * 100)),
                ),
              ),
            },
          ]
        : []),
      ...(a.period.alertsTestedFrom && a.period.dataFirstMonth && a.scope.country
        ? [
            {
              kind: 'p' as const,
              text: t.alertsUntested(
                t.countryName(a.scope.country),
                f.month(a.period.dataFirstMonth),
                f.month(a.period.alertsTestedFrom),
              ),
            },
          ]
        : []),
      a.alerts.length
        ? {
            kind: 'table',
            head: t.alertHead,
            // The newest alarm first: over a long record the alerts still current were at the
            // bottom of a table of eighty (a probe's South Sudan brief, oldest from 2011).
            rows: [...a.alerts]
              .sort((x, y) => y.alarm.localeCompare(x.alarm))
              .map((x) => [
                t.alertLevel[x.level] ?? x.level,
                x.level === 'country' ? t.countryName(x.key) : x.key,
                t.alertWhat[`${x.kind}-${x.metric}`] ?? x.metric,
                f.month(x.start),
                // An alarm after the period: the rise overlaps it, the test was sure only later.
                x.alarm > a.period.to.slice(0, 7) ? `${f.month(x.alarm)} †` : f.month(x.alarm),
                x.baseline,
                x.observed,
                x.score,
                citeEvidence(x.evidence),
              ]),
          }
        : { kind: 'p', text: t.noAlerts },
      { kind: 'counted', text: t.counted.alerts },
    ],
  };
}
