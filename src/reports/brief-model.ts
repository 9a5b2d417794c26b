import type { JointAnalysis } from '../analysis/joint-analysis-result.ts';
import { driverName } from '../domain/driver.ts';
import type { Sensitivity } from '../domain/sensitivity.ts';
import { alertSection } from './brief-alert-section.ts';
import {
  type CitedEvents,
  citationText,
  cite,
  citedSources,
  evidenceNote,
  shortSourceNames,
} from './brief-sources.ts';
import { BRIEF_TEXT, BriefFormat, type BriefLanguage, type BriefText } from './brief-text.ts';
import { threatSection } from './brief-threat-section.ts';
import { withheldInLanguage } from './withheld-in-language.ts';

/**
 * The brief as a small document model: a header (title, production date, classification marking,
 * sources as each asks to be cited) and sections of blocks. The Markdown and HTML renderers write
 * the same model, so the two never differ. Each section is one function of the analysis; a new
 * section is one more function in `SECTIONS`.
 */
export type Block =
  | { kind: 'p'; text: string }
  | { kind: 'counted'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; head: string[]; rows: Cell[][] }
  | {
      kind: 'chart';
      title: string;
      /** Month labels as the reader reads them ("Dec 2013"). */
      months: readonly string[];
      series: { name: string; values: readonly (number | null)[] }[];
    };

/**
 * A table cell: text, a number (right-aligned, grouped; null is "–"), a sparkline of a monthly
 * series, or events named by their sources' own ids (brief-sources.ts), each linked to its page in
 * the workbench.
 */
export type Cell = string | number | null | { spark: readonly number[] } | CitedEvents;

export interface Section {
  title: string;
  blocks: Block[];
}

export interface BriefDocument {
  lang: BriefLanguage;
  title: string;
  /** The classification marking, from the highest sensitivity the brief counts; null when unknown. */
  marking: string | null;
  markingNote: string;
  produced: string;
  sourcesTitle: string;
  sources: string[];
  sections: Section[];
  format: BriefFormat;
  /** The catalogue the brief is written from, for the renderers' own few words. */
  text: BriefText;
  /** Where the evidence links point (BriefContext.workbench); none when undefined. */
  workbench?: string;
}

/** What the brief needs besides the analysis: when it was made, what it counts, in what language. */
export interface BriefContext {
  lang?: BriefLanguage;
  /** YYYY-MM-DD; today when not given. */
  producedOn?: string;
  /** The highest sensitivity among the records in scope; no marking is printed when unknown. */
  classification?: Sensitivity;
  /** The sources of the records in scope (acled, ucdp, mission, hxl, demo). */
  sources?: readonly string[];
  /** Sections built elsewhere (local processes, forecasts, frictions), placed before the method. */
  extra?: readonly Section[];
  /**
   * The workbench's address (`http://host:7400/`) the HTML brief's evidence links point to; without
   * it the evidence is cited by its source's id alone: a brief written to a file and sent on has
   * no workbench to link to.
   */
  workbench?: string;
}

export interface Writer {
  a: JointAnalysis;
  t: BriefText;
  f: BriefFormat;
  lang: BriefLanguage;
  /** The sources of the records in scope, when known. */
  sources?: readonly string[];
}

function headlineSection({ a, t, f, lang, sources }: Writer): Section {
  const h = a.headline;
  const months = a.mapping.months.map(f.month);
  const blocks: Block[] = [
    {
      kind: 'table',
      head: [t.figure, t.value],
      rows: [
        [t.figures.events, h.events],
        [t.figures.fatalities, h.fatalities],
        [t.figures.civilianFatalities, h.civilianFatalities],
        [t.figures.violentEvents, h.violentEvents],
        [t.figures.civilianTargeting, h.civilianTargetingEvents],
        [t.figures.byState, h.stateCivilianTargetingEvents],
        [t.figures.stateShare, f.pct(h.stateShareOfCivilianTargeting)],
        [t.figures.alerts, a.alerts.length],
      ],
    },
  ];
  const start = a.period.partialFirstMonth;
  if (start)
    blocks.push({
      kind: 'p',
      text: t.partialFirstMonth(f.day(a.period.from), f.month(start.month), start.days, start.of),
    });
  const partial = a.period.partialLastMonth;
  if (partial)
    blocks.push({
      kind: 'p',
      text: t.partialMonth(f.day(a.period.to), f.month(partial.month), partial.days, partial.of),
    });
  // A month cut by the period is said to be partial above; one whole by the calendar may still be
  // nearly empty in the data.
  const thin = partial ? undefined : a.period.thinLastMonth;
  if (thin) blocks.push({ kind: 'p', text: t.thinMonth(f.month(thin.month), thin.events, thin.usual) });
  if (h.civilianFatalities === null)
    blocks.push({ kind: 'p', text: t.noCivilianFatalities(shortSourceNames(lang, sources)) });
  else if (h.civilianFatalitiesEvents < h.events)
    blocks.push({ kind: 'p', text: t.partCivilianFatalities(h.civilianFatalitiesEvents, h.events) });
  if (h.stateShareOfCivilianTargeting !== null && h.stateShareOfCivilianTargeting >= 0.2)
    blocks.push({ kind: 'p', text: t.friction(f.pct(h.stateShareOfCivilianTargeting)) });
  const byKey = (record: Record<string, number[]>, names: Record<string, string>) =>
    Object.entries(record)
      .sort((x, y) => x[0].localeCompare(y[0]))
      .map(([k, v]) => ({ name: names[k] ?? k.replace(/-/g, ' '), values: v }));
  blocks.push(
    {
      kind: 'chart',
      title: t.charts.events,
      months,
      series: [{ name: t.figures.events, values: a.mapping.events }],
    },
    {
      kind: 'chart',
      title: t.charts.fatalities,
      months,
      series: [
        { name: t.figures.fatalities, values: a.mapping.fatalities },
        ...(h.civilianFatalities !== null
          ? [{ name: t.figures.civilianFatalities, values: a.mapping.civilianFatalities }]
          : []),
      ],
    },
    {
      kind: 'chart',
      title: t.charts.civilianTargeting,
      months,
      series: [
        { name: t.charts.allPerpetrators, values: a.mapping.civilianTargetingEvents },
        { name: t.charts.stateForces, values: a.mapping.stateCivilianTargetingEvents },
      ],
    },
    {
      kind: 'chart',
      title: t.charts.byViolenceType,
      months,
      series: byKey(a.mapping.byViolenceType, t.violence),
    },
    {
      kind: 'chart',
      title: t.charts.byPerpetrator,
      months,
      series: byKey(a.mapping.byPerpetratorCategory, t.category),
    },
    {
      kind: 'counted',
      text: t.counted.headline(namesGed(sources), !!sources?.includes('acled') && !!sources.includes('ucdp')),
    },
  );
  return { title: t.headline, blocks };
}

function hotspotSection({ a, t, f }: Writer): Section {
  const area = (x: { country: string; admin1: string }) =>
    a.areas.find((y) => y.country === x.country && y.admin1 === x.admin1);
  // The trend's windows: the setting's months, or the whole period when it is shorter (trendWindow).
  const months = Math.min(a.settings.trendMonths, a.mapping.months.length);
  return {
    title: t.hotspots,
    blocks: [
      { kind: 'p', text: t.byLevel },
      {
        kind: 'table',
        head: t.areaHead,
        rows: a.hotspots.byLevel.map((x) => [
          x.admin1 || t.noAdmin1,
          t.countryName(x.country),
          x.events,
          x.fatalities,
          t.trend[area(x)?.trend ?? 'none'] ?? '',
          { spark: area(x)?.series ?? [] },
        ]),
      },
      { kind: 'p', text: t.byChange(months) },
      a.hotspots.byChange.length
        ? {
            kind: 'table',
            head: t.changeHead,
            rows: a.hotspots.byChange.map((x) => [
              x.admin1 || t.noAdmin1,
              t.countryName(x.country),
              x.previous,
              x.recent,
              `+${f.num(x.change)}`,
            ]),
          }
        : { kind: 'p', text: t.noRise },
      { kind: 'counted', text: t.counted.areas(months) },
    ],
  };
}

function perpetratorSection({ a, t, f, sources }: Writer): Section {
  const rows = (list: JointAnalysis['perpetrators']): Cell[][] =>
    list.map((p) => [
      p.actor,
      p.category ? (t.category[p.category] ?? p.category) : t.unknown,
      p.events,
      p.civilianTargetingEvents,
      f.pct(p.civilianTargetingShare),
      p.fatalities,
      p.civilianFatalities,
      p.areas
        .map((x) => x.admin1 || t.noAdmin1)
        .slice(0, 3)
        .join(', '),
      p.targetedPopulations.map(t.population).join(', '),
      t.trend[p.trend] ?? p.trend,
      { spark: p.series },
    ]);
  const state = a.perpetrators.filter((p) => p.isState);
  const others = a.perpetrators.filter((p) => !p.isState);
  return {
    title: t.perpetrators,
    blocks: [
      { kind: 'p', text: t.stateApart },
      state.length ? { kind: 'table', head: t.perpHead, rows: rows(state) } : { kind: 'p', text: t.noState },
      { kind: 'p', text: t.others(others.length, a.perpetratorCount - state.length) },
      others.length ? { kind: 'table', head: t.perpHead, rows: rows(others) } : { kind: 'p', text: t.none },
      { kind: 'counted', text: t.counted.perpetrators(namesGed(sources)) },
    ],
  };
}

function driverSection({ a, t, f, lang }: Writer): Section {
  const joint = a.drivers.filter((d) => d.joint);
  const tagged = a.drivers.filter((d) => !d.joint && d.unconfirmedTags > 0);
  const suggested = a.drivers.filter((d) => d.suggestedEvents > 0);
  return {
    title: t.drivers,
    blocks: [
      { kind: 'p', text: t.jointIntro },
      joint.length
        ? {
            kind: 'table',
            head: t.jointHead,
            rows: joint.map((d) => [
              driverName(d, lang),
              d.jointTags,
              d.taggedEvents || t.areaTagsOnly,
              d.evidence
                .filter((e) => e.kind === 'tag' && e.joint)
                .map((e) =>
                  t.tagBy(
                    e.tagId ?? 0,
                    e.eventId !== null ? citationText(lang, a.citations, e.eventId) : e.admin1 || t.country,
                    e.unit ? `${e.analyst ?? ''} (${t.unit[e.unit] ?? e.unit})` : (e.analyst ?? ''),
                    (e.confirmations ?? [])
                      .map((c) => `${c.analyst} (${t.unit[c.unit] ?? c.unit})`)
                      .join(', '),
                  ),
                )
                .join(' · '),
            ]),
          }
        : { kind: 'p', text: t.noJoint },
      { kind: 'p', text: t.unconfirmedIntro },
      tagged.length
        ? {
            kind: 'table',
            head: t.unconfirmedHead,
            rows: tagged.map((d) => [
              driverName(d, lang),
              d.unconfirmedTags,
              d.evidence
                .filter((e) => e.kind === 'tag' && !e.joint)
                .map(
                  (e) =>
                    `${e.analyst} (${t.unit[e.unit ?? ''] ?? e.unit})${(e.disputes ?? [])
                      .map((x) => t.disputedBy(`${x.analyst} (${t.unit[x.unit] ?? x.unit})`, x.reason))
                      .join('')}`,
                )
                .join(', '),
            ]),
          }
        : { kind: 'p', text: t.noTags },
      { kind: 'p', text: t.suggestionsIntro(f.num(a.driverSample.events)) },
      suggested.length
        ? {
            kind: 'table',
            head: t.suggestionHead,
            rows: suggested.map((d) => {
              const s = d.evidence.filter((e) => e.kind === 'suggestion');
              return [
                driverName(d, lang),
                d.suggestedEvents,
                [...new Set(s.flatMap((e) => e.fired ?? []))].slice(0, 6).join(', '),
                cite(
                  a.citations,
                  s.map((e) => e.eventId),
                ),
              ];
            }),
          }
        : { kind: 'p', text: t.noSuggestion },
      { kind: 'counted', text: t.counted.drivers(f.num(a.driverSample.events)) },
    ],
  };
}

function methodSection({ a, t, f, lang }: Writer): Section {
  const c = a.settings.cusum;
  return {
    title: t.method,
    blocks: [
      {
        kind: 'list',
        items: [
          ...t.methodItems({
            from: f.day(a.period.from),
            to: f.day(a.period.to),
            minActorEvents: a.settings.minActorEvents,
            window: c.window,
            dispersionWindow: c.dispersionWindow,
            block: c.dispersionBlock,
            shift: f.num(c.shift),
            threshold: f.num(c.threshold),
            minBaseline: c.minBaseline,
            minHistory: c.minHistory,
            maxRun: c.maxRun,
          }),
          evidenceNote(lang),
        ],
      },
    ],
  };
}

/** Whether UCDP GED is among the sources in scope; when they are not known, as if it were. */
const namesGed = (sources: readonly string[] | undefined) => !sources || sources.includes('ucdp');

/** The brief's sections in order. Another section is one more function here. */
const SECTIONS: ((w: Writer) => Section)[] = [
  headlineSection,
  hotspotSection,
  alertSection,
  perpetratorSection,
  driverSection,
  threatSection,
  methodSection,
];

/** Builds the brief's document model from the analysis and its context. */
export function buildBrief(a: JointAnalysis, context: BriefContext = {}): BriefDocument {
  const lang = context.lang ?? 'en';
  const t = BRIEF_TEXT[lang];
  const f = new BriefFormat(lang);
  const scope =
    [a.scope.admin1, a.scope.country ? t.countryName(a.scope.country) : null].filter(Boolean).join(', ') ||
    t.allCountries;
  return {
    lang,
    title: t.title(scope, f.day(a.period.from), f.day(a.period.to)),
    marking: context.classification ? t.classification[context.classification] : null,
    markingNote: t.classificationNote,
    produced: t.produced(f.day(context.producedOn ?? new Date().toISOString())),
    sourcesTitle: t.sourcesTitle,
    sources: citedSources(lang, context.sources),
    sections: [
      ...SECTIONS.slice(0, -1).map((section) => section({ a, t, f, lang, sources: context.sources })),
      ...(context.extra ?? []),
      methodSection({ a, t, f, lang }),
    ].map((section) => withheldInLanguage(section, t.withheld)),
    format: f,
    text: t,
    workbench: context.workbench,
  };
}
