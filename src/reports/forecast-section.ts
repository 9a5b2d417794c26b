import type { DataGap } from '../analysis/data-gap.ts';
import type { AreaForecast } from '../analysis/forecast.ts';
import { type BacktestResult, DEFAULT_BACKTEST } from '../analysis/forecast-backtest.ts';
import { BASELINES, type Baseline } from '../analysis/forecast-baselines.ts';
import type { ForecastScore } from '../analysis/forecast-scores.ts';
import { likelyOnsets } from '../analysis/likely-onsets.ts';
import type { Block, Cell, Section } from './brief-model.ts';
import type { BriefLanguage } from './brief-text.ts';
import { EXTRA_BRIEF_TEXT } from './extra-brief-text.ts';

/**
 * The forecast section of the brief, and the backtest table that the CLI, the benchmark and
 * docs/forecasts.md print: what the next months look like per area, which quiet areas may see
 * deaths, and, in plain words, how these forecasts did on the country's own past.
 */

/** What the brief's forecast section is written from. */
export interface ForecastBrief {
  country: string;
  origin: string;
  forecasts: AreaForecast[];
  /** The one admin-1 area a brief is on, whose rows alone `forecasts` holds. */
  area?: string;
  backtest: BacktestResult;
  /** What the store already holds of the first month forecast (an export cut on the 14th). */
  recordedSoFar?: RecordedSoFar;
  /** Months without any event before the origin that read as a gap in the data. */
  dataGap?: DataGap;
}

/**
 * The part of the month after the origin that the store already holds: the month, its last day
 * held, and the violent events and deaths recorded so far per area (`key` as the forecasts').
 */
export interface RecordedSoFar {
  month: string;
  through: string;
  values: { key: string; events: number; fatalities: number }[];
}

const NAIVE: readonly Baseline[] = ['zero', 'last', 'mean12', 'meanLog12'];
/**
 * The naive baseline with the lowest MSLE, and the model's gain over it (1 − model/best); the gain
 * is null when that baseline made no error at all (every outcome scored was zero, and "zero" said
 * so), where no share of it can be gained.
 */
export function bestNaive(p: { model: ForecastScore; baselines: Record<Baseline, ForecastScore> }): {
  baseline: Baseline;
  gain: number | null;
} {
  const baseline = NAIVE.reduce((b, x) => (p.baselines[x].msle < p.baselines[b].msle ? x : b));
  const best = p.baselines[baseline].msle;
  return { baseline, gain: best > 0 ? 1 - p.model.msle / best : null };
}

const f3 = (x: number) => x.toFixed(3);
const gainCell = ({ baseline, gain }: ReturnType<typeof bestNaive>) =>
  gain === null ? `– (${baseline} exact)` : `${(gain * 100).toFixed(1)}% (vs ${baseline})`;

/** The backtest as a Markdown table: MSLE per horizon against every baseline, pooled 1–3 first. */
export function formatBacktestTable(r: BacktestResult): string {
  const head = [
    'metric',
    'horizon',
    'model MSLE',
    ...BASELINES.map((b) => `${b} MSLE`),
    'gain vs best naive',
    'coverage 80%',
    'CRPS model / bootstrap',
    'total ratio',
    'onset AP model / bootstrap / base rate',
  ];
  const rows: string[][] = [];
  for (const p of r.pooled) {
    const best = bestNaive(p);
    rows.push([
      p.metric,
      p.horizons,
      f3(p.model.msle),
      ...BASELINES.map((b) => f3(p.baselines[b].msle)),
      gainCell(best),
      f3(p.model.coverage80),
      `${p.model.crps.toFixed(2)} / ${p.baselines.bootstrap.crps.toFixed(2)}`,
      p.model.totalRatio?.toFixed(2) ?? '–',
      '',
    ]);
    for (const s of r.scores.filter((x) => x.metric === p.metric)) {
      const b = bestNaive(s);
      const ap = (x: number | null) => (x === null ? '–' : x.toFixed(2));
      rows.push([
        s.metric,
        String(s.horizon),
        f3(s.model.msle),
        ...BASELINES.map((x) => f3(s.baselines[x].msle)),
        gainCell(b),
        f3(s.model.coverage80),
        `${s.model.crps.toFixed(2)} / ${s.baselines.bootstrap.crps.toFixed(2)}`,
        s.model.totalRatio?.toFixed(2) ?? '–',
        `${ap(s.onset.model)} / ${ap(s.onset.bootstrap)} / ${ap(s.onset.baseRate)} (n ${s.onset.n})`,
      ]);
    }
  }
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** How the forecasts did, in plain words, one sentence per metric. */
export function skillSentences(r: BacktestResult, lang: BriefLanguage = 'en'): string[] {
  const t = EXTRA_BRIEF_TEXT[lang].forecast;
  if (!r.origins.first || !r.origins.last || !r.pooled.length)
    return [t.tooShort(DEFAULT_BACKTEST.minTrainMonths)];
  const span = t.span(r.origins.first, r.origins.last);
  return r.pooled.map((p) => {
    const { baseline, gain } = bestNaive(p);
    const what = p.metric === 'events' ? t.what.events : t.what.fatalities;
    const cover = t.cover(Math.round(p.model.coverage80 * 100));
    if (gain === null) return t.noneHappened(span, what, cover);
    if (gain > 0)
      return t.better(span, what, Math.round(gain * 100), t.baseline[baseline] ?? baseline, cover);
    return t.noBetter(span, what, t.baseline[baseline] ?? baseline, Math.round(-gain * 100), cover);
  });
}

/** The brief's forecast section: skill first, then next month per area, then likely onsets. */
export function forecastSection(b: ForecastBrief, lang: BriefLanguage = 'en'): Section {
  const t = EXTRA_BRIEF_TEXT[lang].forecast;
  const next = b.forecasts.filter((f) => f.horizon === 1);
  const byArea = new Map<string, { events?: AreaForecast; fatalities?: AreaForecast }>();
  for (const f of next) byArea.set(f.key, { ...byArea.get(f.key), [f.metric]: f });
  // A mean above the range's top (a rare month far larger than most) is starred: "0 (0–0)" alone
  // reads as certain quiet.
  const tail = (f: AreaForecast) => f.mean > f.quantiles['0.9'];
  const range = (f?: AreaForecast) =>
    f
      ? `${Math.round(f.point)} (${Math.round(f.quantiles['0.1'])}–${Math.round(f.quantiles['0.9'])})${tail(f) ? '*' : ''}`
      : '–';
  const starred = next.some(tail);
  const soFar = b.recordedSoFar;
  const through = soFar ? t.day(soFar.through) : '';
  const recorded = (key: string) => {
    const r = soFar?.values.find((v) => v.key === key);
    return `${r?.events ?? 0} / ${r?.fatalities ?? 0}`;
  };
  const rows = [...byArea]
    .sort((x, y) => (y[1].events?.point ?? 0) - (x[1].events?.point ?? 0))
    .map(([key, v]): Cell[] => [
      key,
      range(v.events),
      range(v.fatalities),
      ...(soFar ? [recorded(key)] : []),
    ]);
  const onsets = likelyOnsets(b.forecasts);
  const month = next[0]?.month;
  const head = t.head(month ? t.month(month) : '');
  return {
    title: t.title(month ? t.month(month) : null),
    blocks: [
      ...(b.dataGap
        ? [
            {
              kind: 'p',
              text: t.gap(
                t.month(b.dataGap.from),
                t.month(b.dataGap.to),
                b.dataGap.months,
                Math.round(b.dataGap.shareBefore * 100),
              ),
            } as Block,
          ]
        : []),
      ...skillSentences(b.backtest, lang).map((text): Block => ({ kind: 'p', text })),
      ...(soFar && month
        ? [{ kind: 'p', text: t.partial(t.month(month), through, t.month(b.origin)) } as Block]
        : []),
      b.area !== undefined && !rows.length
        ? ({ kind: 'p', text: t.noArea(b.area, t.month(b.origin)) } as Block)
        : ({ kind: 'table', head: soFar ? [...head, t.soFar(through)] : head, rows } as Block),
      ...(starred && rows.length ? [{ kind: 'p', text: t.heavyTail } as Block] : []),
      onsets.length
        ? { kind: 'list', items: onsets.map((o) => t.onset(o.key, Math.round(o.p * 100), t.month(o.month))) }
        : {
            kind: 'p',
            // "No quiet area has a 20% chance" read as a finding where no area was quiet at all.
            text: b.forecasts.some((f) => f.metric === 'fatalities' && f.pOnset !== null)
              ? t.noOnset
              : t.noQuietArea,
          },
      {
        kind: 'counted',
        text: t.counted(
          t.month(b.origin),
          b.backtest.origins.count,
          `tandem forecast backtest --country "${b.country}" --origin ${b.origin} --last-origins ${b.backtest.origins.count}`,
        ),
      },
    ],
  };
}
