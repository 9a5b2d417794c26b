import type { JointAnalysis } from '../analysis/joint-analysis.ts';
import { type ForecastBrief, forecastSection } from './forecast-section.ts';
import { lineChartSvg, sparkline, sparklineSvg } from './svg-chart.ts';

/**
 * The joint analysis brief that a mission's leadership reads: headline figures, hotspots, alerts,
 * perpetrators (state forces apart), drivers (joint findings apart from unconfirmed tags and rule
 * suggestions) and threats, each section ending with the query or events behind its numbers.
 * Built once as a small document model, then written as Markdown or HTML, so the two never differ.
 */
type Block =
  | { kind: 'p'; text: string }
  | { kind: 'source'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; head: string[]; rows: Cell[][] }
  | {
      kind: 'chart';
      title: string;
      months: readonly string[];
      series: { name: string; values: readonly (number | null)[] }[];
    };

/** A table cell: text, a number (right-aligned, grouped), or a sparkline of a monthly series. */
type Cell = string | number | null | { spark: readonly number[] };

interface Section {
  title: string;
  blocks: Block[];
}

const nf = (n: number | null) => (n === null ? '–' : n.toLocaleString('en-US'));
const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);
const label = (s: string) => s.replace(/-/g, ' ');

function evidenceIds(
  list: readonly { sourceEventId: string | null; eventId?: number | null; id?: number }[],
  max = 5,
): string {
  const ids = list.slice(0, max).map((e) => e.sourceEventId ?? `#${e.eventId ?? e.id}`);
  return ids.join(', ') + (list.length > max ? ', …' : '');
}

function build(a: JointAnalysis, forecast?: ForecastBrief): { title: string; sections: Section[] } {
  const scope = [a.scope.admin1, a.scope.country].filter(Boolean).join(', ') || 'all countries in the store';
  const title = `Joint analysis brief: ${scope}, ${a.period.from} to ${a.period.to}`;
  const h = a.headline;
  const sections: Section[] = [];

  sections.push({
    title: 'Headline figures',
    blocks: [
      {
        kind: 'table',
        head: ['figure', 'value'],
        rows: [
          ['events', h.events],
          ['fatalities', h.fatalities],
          ['civilian fatalities', h.civilianFatalities],
          ['violent events (battles, remote violence, violence against civilians)', h.violentEvents],
          ['events targeting civilians', h.civilianTargetingEvents],
          ['… of which by state forces', h.stateCivilianTargetingEvents],
          ['state forces’ share of violence against civilians', pct(h.stateShareOfCivilianTargeting)],
          ['alerts', a.alerts.length],
        ],
      },
      ...(a.period.partialLastMonth
        ? [
            {
              kind: 'p' as const,
              text: `The period ends on ${a.period.to}: its last month, ${a.period.partialLastMonth.month}, holds ${a.period.partialLastMonth.days} of its ${a.period.partialLastMonth.of} days, so that month's counts, and the trends and alerts that include it, read low.`,
            },
          ]
        : []),
      ...(h.civilianFatalities === null
        ? [
            {
              kind: 'p' as const,
              text: 'Civilian fatalities: – because no source in scope gives the figure (ACLED does not).',
            },
          ]
        : []),
      ...(h.stateShareOfCivilianTargeting !== null && h.stateShareOfCivilianTargeting >= 0.2
        ? [
            {
              kind: 'p' as const,
              text: `Friction: state forces committed ${pct(h.stateShareOfCivilianTargeting)} of the events targeting civilians. Accountability for them must be weighed with the host state's consent; see the state forces table below.`,
            },
          ]
        : []),
      {
        kind: 'chart',
        title: 'Events per month',
        months: a.mapping.months,
        series: [{ name: 'events', values: a.mapping.events }],
      },
      {
        kind: 'chart',
        title: 'Fatalities per month',
        months: a.mapping.months,
        series: [
          { name: 'fatalities', values: a.mapping.fatalities },
          ...(h.civilianFatalities !== null
            ? [{ name: 'civilian fatalities', values: a.mapping.civilianFatalities }]
            : []),
        ],
      },
      {
        kind: 'chart',
        title: 'Events targeting civilians per month, all and by state forces',
        months: a.mapping.months,
        series: [
          { name: 'all perpetrators', values: a.mapping.civilianTargetingEvents },
          { name: 'state forces', values: a.mapping.stateCivilianTargetingEvents },
        ],
      },
      {
        kind: 'chart',
        title: 'Events per month by violence type',
        months: a.mapping.months,
        series: Object.entries(a.mapping.byViolenceType)
          .sort((x, y) => x[0].localeCompare(y[0]))
          .map(([k, v]) => ({ name: label(k), values: v })),
      },
      {
        kind: 'chart',
        title: 'Events per month by perpetrator category',
        months: a.mapping.months,
        series: Object.entries(a.mapping.byPerpetratorCategory)
          .sort((x, y) => x[0].localeCompare(y[0]))
          .map(([k, v]) => ({ name: label(k), values: v })),
      },
      { kind: 'source', text: `${a.provenance.headline}. State share: ${a.provenance.stateShare}.` },
    ],
  });

  const seriesOf = new Map(a.areas.map((x) => [`${x.country}\u001f${x.admin1}`, x.series]));
  sections.push({
    title: 'Hotspots',
    blocks: [
      { kind: 'p', text: 'By level: the areas with the most events in the period.' },
      {
        kind: 'table',
        head: ['area', 'country', 'events', 'fatalities', 'trend', 'monthly events'],
        rows: a.hotspots.byLevel.map((x) => [
          x.admin1 || '(no admin1)',
          x.country,
          x.events,
          x.fatalities,
          a.areas.find((y) => y.country === x.country && y.admin1 === x.admin1)?.trend ?? '',
          { spark: seriesOf.get(`${x.country}\u001f${x.admin1}`) ?? [] },
        ]),
      },
      {
        kind: 'p',
        text: `By change: the areas whose events rose most in the last ${a.settings.trendMonths} months against the ${a.settings.trendMonths} before.`,
      },
      a.hotspots.byChange.length
        ? {
            kind: 'table',
            head: ['area', 'country', 'before', 'last months', 'change'],
            rows: a.hotspots.byChange.map((x) => [
              x.admin1 || '(no admin1)',
              x.country,
              x.previous,
              x.recent,
              `+${nf(x.change)}`,
            ]),
          }
        : { kind: 'p', text: 'No area rose.' },
      { kind: 'source', text: a.provenance.areas },
    ],
  });

  const alertRows = a.alerts.map((x) => [
    x.level,
    x.key,
    x.start,
    x.alarm,
    x.baseline,
    x.observed,
    x.score,
    evidenceIds(x.evidence.map((e) => ({ sourceEventId: e.sourceEventId }))),
  ]);
  sections.push({
    title: 'Escalation alerts',
    blocks: [
      {
        kind: 'p',
        text: `A sustained rise of violent events above the area's or actor's own baseline (negative-binomial CUSUM, threshold h = ${a.settings.cusum.threshold}, looking for a ×${a.settings.cusum.shift} rise over a ${a.settings.cusum.window}-month baseline). "Start" is the first month of the rise; "alarm" the month the test became sure. Baseline and observed are events per month.`,
      },
      a.alerts.length
        ? {
            kind: 'table',
            head: [
              'level',
              'where / who',
              'start',
              'alarm',
              'baseline',
              'observed',
              'score',
              'evidence (source ids)',
            ],
            rows: alertRows,
          }
        : { kind: 'p', text: 'No alerts in the period.' },
      { kind: 'source', text: a.provenance.alerts },
    ],
  });

  const perpRows = (list: JointAnalysis['perpetrators']) =>
    list.map((p) => [
      p.actor,
      p.category ? label(p.category) : 'unknown',
      p.events,
      p.civilianTargetingEvents,
      pct(p.civilianTargetingShare),
      p.fatalities,
      p.civilianFatalities,
      p.areas
        .map((x) => x.admin1 || '(none)')
        .slice(0, 3)
        .join(', '),
      p.targetedPopulations.join(', '),
      p.trend,
      { spark: p.series },
    ]);
  const head = [
    'actor',
    'category',
    'events',
    'targeting civilians',
    'share',
    'fatalities',
    'civilian fatalities',
    'main areas',
    'against',
    'trend',
    'monthly events',
  ];
  const state = a.perpetrators.filter((p) => p.isState);
  const others = a.perpetrators.filter((p) => !p.isState);
  sections.push({
    title: 'Perpetrators',
    blocks: [
      {
        kind: 'p',
        text: 'State forces, kept apart: accountability for them weighs against the host state’s consent.',
      },
      state.length
        ? { kind: 'table', head, rows: perpRows(state) }
        : { kind: 'p', text: 'No state forces among the perpetrators.' },
      {
        kind: 'p',
        text: `Other perpetrators (the ${others.length} largest of ${a.perpetratorCount - state.length}).`,
      },
      others.length ? { kind: 'table', head, rows: perpRows(others) } : { kind: 'p', text: 'None.' },
      { kind: 'source', text: a.provenance.perpetrators },
    ],
  });

  const joint = a.drivers.filter((d) => d.joint);
  const tagged = a.drivers.filter((d) => !d.joint && d.unconfirmedTags > 0);
  const suggested = a.drivers.filter((d) => d.suggestedEvents > 0);
  sections.push({
    title: 'Drivers of violence',
    blocks: [
      { kind: 'p', text: 'Joint findings: tags confirmed by a POC analyst and a political analyst.' },
      joint.length
        ? {
            kind: 'table',
            head: ['driver', 'joint tags', 'tagged events', 'evidence'],
            rows: joint.map((d) => [
              d.label,
              d.jointTags,
              d.taggedEvents,
              d.evidence
                .filter((e) => e.kind === 'tag' && e.joint)
                .map(
                  (e) =>
                    `tag ${e.tagId} (${e.eventId !== null ? `event #${e.eventId}` : e.admin1 || 'country'}): ${e.analyst}; ${e.confirmedBy?.join(', ')}`,
                )
                .join(' · '),
            ]),
          }
        : { kind: 'p', text: 'No joint findings yet.' },
      { kind: 'p', text: 'Unconfirmed tags: one unit’s view, awaiting the other.' },
      tagged.length
        ? {
            kind: 'table',
            head: ['driver', 'unconfirmed tags', 'by'],
            rows: tagged.map((d) => [
              d.label,
              d.unconfirmedTags,
              d.evidence
                .filter((e) => e.kind === 'tag' && !e.joint)
                .map((e) => `tag ${e.tagId}: ${e.analyst} (${e.unit})`)
                .join(', '),
            ]),
          }
        : { kind: 'p', text: 'None.' },
      {
        kind: 'p',
        text: `Suggestions from event notes (rules of data/drivers.yaml, on the ${a.driverSample.events} most recent events): hints for analysts, not findings.`,
      },
      suggested.length
        ? {
            kind: 'table',
            head: ['driver', 'events', 'words that fired (examples)', 'evidence (source ids)'],
            rows: suggested.map((d) => {
              const s = d.evidence.filter((e) => e.kind === 'suggestion');
              return [
                d.label,
                d.suggestedEvents,
                [...new Set(s.flatMap((e) => e.fired ?? []))].slice(0, 6).join(', '),
                evidenceIds(s),
              ];
            }),
          }
        : { kind: 'p', text: 'No note fired a rule.' },
      { kind: 'source', text: a.provenance.drivers },
    ],
  });

  const live = a.threats.filter((t) => t.status !== 'dismissed');
  const dismissed = a.threats.filter((t) => t.status === 'dismissed');
  sections.push({
    title: 'Threats to civilians',
    blocks: [
      live.length
        ? {
            kind: 'table',
            head: [
              'perpetrator',
              'state',
              'against',
              'violence',
              'area',
              'likelihood',
              'severity',
              'trend',
              'status',
              'events',
              'drivers',
              'linked events',
            ],
            rows: live.map((t) => [
              t.perpetrator,
              t.isState ? 'yes' : '',
              t.targetedPopulation,
              label(t.violenceType),
              t.admin1 || t.country,
              t.likelihood,
              t.severity,
              t.trend,
              t.status,
              t.eventCount,
              t.drivers.join(', '),
              t.events
                .slice(0, 5)
                .map((id) => `#${id}`)
                .join(', ') + (t.events.length > 5 ? ', …' : ''),
            ]),
          }
        : { kind: 'p', text: 'No threats in the period.' },
      ...(dismissed.length
        ? [
            {
              kind: 'p' as const,
              text: `Dismissed by analysts: ${dismissed.map((t) => `${t.perpetrator} in ${t.admin1 || t.country}`).join('; ')}.`,
            },
          ]
        : []),
      {
        kind: 'source',
        text: `${a.provenance.threats}. Linked events are store ids (#n); \`tandem export\` or the events list shows them.`,
      },
    ],
  });

  if (forecast) sections.push(forecastSection(forecast));
  sections.push({
    title: 'Method',
    blocks: [
      {
        kind: 'list',
        items: [
          `Period ${a.period.from} to ${a.period.to} (months ${a.period.firstMonth} to ${a.period.lastMonth}).`,
          `Alert metric: ${a.settings.alertMetric}; actors with at least ${a.settings.minActorEvents} violent events are tested.`,
          `CUSUM settings: baseline level from the ${a.settings.cusum.window} months before a rise, dispersion from the ${a.settings.cusum.dispersionWindow} months before it (around each ${a.settings.cusum.dispersionBlock}-month block's own level), widened for the uncertainty of the level, shift ×${a.settings.cusum.shift}, threshold ${a.settings.cusum.threshold}, baseline floor ${a.settings.cusum.minBaseline} events/month, ${a.settings.cusum.minHistory} months of history before testing, baseline refreshed after ${a.settings.cusum.maxRun} months without alarm.`,
          'Trends compare the last months of the period with as many months before; a change of a quarter or more counts as rising or falling.',
          'Civilian targeting is the source’s own field where it has one; older ACLED exports and HXL sheets have none, and Tandem derives it (violence against civilians, or civilians as the second actor).',
        ],
      },
    ],
  });
  return { title, sections };
}

// ---- Markdown ---------------------------------------------------------------------------------

function mdCell(c: Cell): string {
  if (c === null) return '–';
  if (typeof c === 'number') return nf(c);
  if (typeof c === 'object') return sparkline(c.spark, 24) ? `\`${sparkline(c.spark, 24)}\`` : '';
  return c.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** The brief as Markdown (charts as block sparklines; numbers as in the JSON). */
export function renderBriefMarkdown(a: JointAnalysis, forecast?: ForecastBrief): string {
  const { title, sections } = build(a, forecast);
  const out: string[] = [`# ${title}`, ''];
  for (const s of sections) {
    out.push(`## ${s.title}`, '');
    for (const b of s.blocks) {
      switch (b.kind) {
        case 'p':
          out.push(b.text, '');
          break;
        case 'source':
          out.push(`*Behind these figures:* ${b.text}`, '');
          break;
        case 'list':
          out.push(...b.items.map((i) => `- ${i}`), '');
          break;
        case 'table': {
          const numeric = b.head.map(
            (_, i) => b.rows.length > 0 && b.rows.every((r) => typeof r[i] === 'number' || r[i] === null),
          );
          out.push(`| ${b.head.join(' | ')} |`, `|${numeric.map((n) => (n ? '---:' : '---')).join('|')}|`);
          for (const r of b.rows) out.push(`| ${r.map(mdCell).join(' | ')} |`);
          out.push('');
          break;
        }
        case 'chart': {
          out.push(`${b.title} (${b.months[0] ?? ''} to ${b.months.at(-1) ?? ''}):`, '');
          out.push('```');
          for (const s2 of b.series) {
            const peak = Math.max(0, ...s2.values.map((v) => v ?? 0));
            out.push(`${s2.name.padEnd(28)} ${sparkline(s2.values, 60)}  peak ${nf(peak)}`);
          }
          out.push('```', '');
          break;
        }
      }
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

// ---- HTML -------------------------------------------------------------------------------------

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function htmlCell(c: Cell): string {
  if (c === null) return '<td class="num">–</td>';
  if (typeof c === 'number') return `<td class="num">${nf(c)}</td>`;
  if (typeof c === 'object') return `<td>${sparklineSvg([...c.spark])}</td>`;
  return `<td>${esc(c)}</td>`;
}

/** The brief as one self-contained HTML page with inline SVG charts. */
export function renderBriefHtml(a: JointAnalysis, forecast?: ForecastBrief): string {
  const { title, sections } = build(a, forecast);
  const body: string[] = [`<h1>${esc(title)}</h1>`];
  for (const s of sections) {
    body.push(`<section><h2>${esc(s.title)}</h2>`);
    for (const b of s.blocks) {
      switch (b.kind) {
        case 'p':
          body.push(`<p>${esc(b.text)}</p>`);
          break;
        case 'source':
          body.push(`<p class="source"><strong>Behind these figures:</strong> ${esc(b.text)}</p>`);
          break;
        case 'list':
          body.push(`<ul>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`);
          break;
        case 'table':
          body.push(
            `<table><thead><tr>${b.head.map((x) => `<th>${esc(x)}</th>`).join('')}</tr></thead><tbody>${b.rows
              .map((r) => `<tr>${r.map(htmlCell).join('')}</tr>`)
              .join('')}</tbody></table>`,
          );
          break;
        case 'chart':
          body.push(`<figure>${lineChartSvg(b.title, b.months, b.series)}</figure>`);
          break;
      }
    }
    body.push('</section>');
  }
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; }
table { border-collapse: collapse; margin: 0.5em 0 1em; font-size: 13px; }
th, td { border-bottom: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
p.source { font-size: 12px; color: #555; }
figure { margin: 0.5em 0; }
</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
