/**
 * How the alert thresholds move false alarms and detection, printed as tables, for the event test
 * (nb-cusum.ts) and the deaths test (log-cusum.ts with the mass-casualty rule, fatality-alerts.ts):
 *  1. on the real samples (UCDP GED CAR, ACLED South Sudan): alerts per area-year in quiet years
 *     (an area-year whose violent events did not rise over the year before), and when the three
 *     known escalations (CAR 2013, CAR December 2020, South Sudan December 2013) are alerted;
 *  2. on synthetic stationary negative-binomial series (no change at all, so every alarm is false),
 *     alarms per series-year for several means and dispersions.
 *  3. the deaths test the same way: on the samples, admin-1 alerts per area-year and the known
 *     escalations; on simulated quiet heavy-tailed series of deaths (test/simulated-deaths.ts),
 *     alarms per series-year, and how soon a sustained rise is alarmed.
 * Run: node --import tsx bench/alert-calibration.ts   (about a minute; imports into a temp store)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAreaMonths } from '../src/analysis/analysis-queries.ts';
import { type AlertSeries, buildAlertSeries, detectAlerts } from '../src/analysis/escalation-alerts.ts';
import {
  buildFatalitySeries,
  detectFatalityAlerts,
  readMassCasualtyMonths,
} from '../src/analysis/fatality-alerts.ts';
import { DEFAULT_LOG_CUSUM_OPTIONS, logScaleCusum } from '../src/analysis/log-cusum.ts';
import { addMonths } from '../src/analysis/months.ts';
import { DEFAULT_CUSUM_OPTIONS, negativeBinomialCusum } from '../src/analysis/nb-cusum.ts';
import { readActorMonths } from '../src/analysis/perpetrator-queries.ts';
import { importEvents } from '../src/app/import-events.ts';
import { openStore } from '../src/store/store.ts';
import { sharedData } from '../test/shared-data.ts';
import { quietDeaths } from '../test/simulated-deaths.ts';

const THRESHOLDS = [3, 4, 5, 6, 8, 10];

const car = sharedData('ucdp-ged/GEDEvent_v23_1_CAR.csv');
const ssd = sharedData('acled/acled_south_sudan_2011-2015.csv');

function monthsApart(a: string, b: string): number {
  return (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
}

/** Area-years (country and admin1 series) whose violent events did not rise over the previous year. */
function quietYears(series: readonly AlertSeries[]): Map<AlertSeries, Set<string>> {
  const out = new Map<AlertSeries, Set<string>>();
  for (const s of series) {
    if (s.level === 'actor') continue;
    const byYear = new Map<string, number>();
    const monthsIn = new Map<string, number>();
    s.months.forEach((m, i) => {
      byYear.set(m.slice(0, 4), (byYear.get(m.slice(0, 4)) ?? 0) + s.counts[i]!);
      monthsIn.set(m.slice(0, 4), (monthsIn.get(m.slice(0, 4)) ?? 0) + 1);
    });
    const quiet = new Set<string>();
    for (const [y, n] of byYear) {
      const prev = String(Number(y) - 1);
      // Whole years only, and the first year of a series has no year before to compare with.
      if (monthsIn.get(y) !== 12 || monthsIn.get(prev) !== 12) continue;
      if (n <= byYear.get(prev)!) quiet.add(y);
    }
    out.set(s, quiet);
  }
  return out;
}

async function realData(): Promise<void> {
  if (car.skip || ssd.skip) {
    console.log(`real samples skipped: ${car.skip || ssd.skip}`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'tandem-calibration-'));
  const store = await openStore({ dbPath: join(dir, 'c.db') });
  try {
    await importEvents(store, [ssd.path, car.path]);
    const known = [
      { name: 'South Sudan, war of Dec 2013 (ACLED)', country: 'South Sudan', month: '2013-12' },
      { name: 'CAR, Seleka offensive Dec 2012 (GED)', country: 'Central African Republic', month: '2012-12' },
      { name: 'CAR, Bangui Dec 2013 (GED)', country: 'Central African Republic', month: '2013-12' },
      { name: 'CAR, CPC offensive Dec 2020 (GED)', country: 'Central African Republic', month: '2020-12' },
    ];
    const perCountry = [];
    for (const country of ['South Sudan', 'Central African Republic']) {
      const areaMonths = await readAreaMonths(store.db, { country }, '9999-12');
      const actorMonths = await readActorMonths(store.db, { country }, '9999-12');
      const last =
        areaMonths
          .map((c) => c.month)
          .sort()
          .at(-1) ?? '0000-00';
      const series = buildAlertSeries(areaMonths, actorMonths, { lastMonth: last, minActorEvents: 10 });
      perCountry.push({ country, series, quiet: quietYears(series) });
    }
    console.log('\nReal samples: false alarms in quiet area-years (country + admin1 series) and detection');
    console.log(
      'h    quiet area-years  alarms in them  per area-year | all area-years  alarms  per area-year',
    );
    const detection: string[] = [];
    for (const h of THRESHOLDS) {
      const cusum = { ...DEFAULT_CUSUM_OPTIONS, threshold: h };
      let quietN = 0;
      let quietAlarms = 0;
      let allYears = 0;
      let allAlarms = 0;
      const alertsByCountry = new Map<string, ReturnType<typeof detectAlerts>>();
      for (const c of perCountry) {
        const alerts = detectAlerts(c.series, cusum, '0000-00');
        alertsByCountry.set(c.country, alerts);
        for (const [s, years] of c.quiet) {
          quietN += years.size;
          const mine = alerts.filter((a) => a.series === s);
          quietAlarms += mine.filter((a) => years.has(a.alarm.slice(0, 4))).length;
          allYears += s.months.length / 12;
          allAlarms += mine.length;
        }
      }
      console.log(
        `${String(h).padEnd(4)} ${String(quietN).padStart(16)}  ${String(quietAlarms).padStart(14)}  ${(quietAlarms / quietN).toFixed(3).padStart(13)} | ${allYears.toFixed(0).padStart(14)}  ${String(allAlarms).padStart(6)}  ${(allAlarms / allYears).toFixed(3).padStart(13)}`,
      );
      for (const k of known) {
        const alerts = alertsByCountry.get(k.country)!.filter((a) => a.level === 'country');
        const hit = alerts
          .filter((a) => Math.abs(monthsApart(k.month, a.start)) <= 1)
          .sort(
            (a, b) => Math.abs(monthsApart(k.month, a.start)) - Math.abs(monthsApart(k.month, b.start)),
          )[0];
        const around = alerts.filter(
          (a) => a.start >= addMonths(k.month, -12) && a.start <= addMonths(k.month, 3),
        );
        detection.push(
          `h=${h}  ${k.name.padEnd(40)} ${hit ? `alerted: start ${hit.start}, alarm ${hit.alarm} (${monthsApart(k.month, hit.alarm)} month(s) after ${k.month}), baseline ${hit.baseline}/month, observed ${hit.observed}/month` : `no country alert starting within a month; nearby starts: ${around.map((a) => `${a.start}>${a.alarm}`).join(' ') || 'none'}`}`,
        );
      }
    }
    console.log(
      '\nDetection of the known escalations (country-level alerts, start within a month of the reference):',
    );
    for (const d of detection) console.log(d);
    await deathsOnSamples(store, known);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Deterministic generator so the synthetic figures are the same on every run.
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 2 ** 32;
  };
}
function gamma(shape: number, rnd: () => number): number {
  // Marsaglia–Tsang; shape < 1 by boosting.
  if (shape < 1) return gamma(shape + 1, rnd) * rnd() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      const u1 = rnd();
      const u2 = rnd();
      x = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rnd();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}
function poisson(mu: number, rnd: () => number): number {
  if (mu > 30)
    return Math.max(
      0,
      Math.round(mu + Math.sqrt(mu) * Math.sqrt(-2 * Math.log(rnd())) * Math.cos(2 * Math.PI * rnd())),
    );
  const l = Math.exp(-mu);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rnd();
  } while (p > l);
  return k - 1;
}
function negbin(mu: number, size: number, rnd: () => number): number {
  return Number.isFinite(size) ? poisson(gamma(size, rnd) * (mu / size), rnd) : poisson(mu, rnd);
}

function synthetic(): void {
  const SERIES = 200;
  const YEARS = 10;
  console.log(
    `\nSynthetic stationary series (${SERIES} series × ${YEARS} years each, no change: every alarm is false)`,
  );
  console.log('alarms per series-year');
  const cases = [
    { mu: 0.5, size: Number.POSITIVE_INFINITY },
    { mu: 2, size: Number.POSITIVE_INFINITY },
    { mu: 2, size: 1 },
    { mu: 8, size: 5 },
    { mu: 8, size: 1 },
    { mu: 30, size: 5 },
    { mu: 30, size: Number.POSITIVE_INFINITY },
  ];
  console.log(`mean  size  ${THRESHOLDS.map((h) => `h=${h}`.padStart(7)).join('')}`);
  for (const c of cases) {
    const rnd = lcg(1234 + c.mu * 10 + (Number.isFinite(c.size) ? c.size : 99));
    const data = [...Array(SERIES)].map(() =>
      [...Array(12 + YEARS * 12)].map(() => negbin(c.mu, c.size, rnd)),
    );
    const cells = THRESHOLDS.map((h) => {
      let alarms = 0;
      for (const counts of data)
        alarms += negativeBinomialCusum(counts, { threshold: h, minHistory: 12 }).filter(
          (a) => a.alarm >= 12,
        ).length;
      return (alarms / (SERIES * YEARS)).toFixed(3).padStart(7);
    });
    console.log(
      `${String(c.mu).padEnd(5)} ${(Number.isFinite(c.size) ? String(c.size) : 'inf').padEnd(5)} ${cells.join('')}`,
    );
  }
}

const DEATH_THRESHOLDS = [3, 4, 5, 6, 8];

/** The deaths test on the samples: admin-1 alerts per area-year, in quiet area-years, and the known escalations. */
async function deathsOnSamples(
  store: Awaited<ReturnType<typeof openStore>>,
  known: { name: string; country: string; month: string }[],
): Promise<void> {
  const perCountry = [];
  for (const country of ['South Sudan', 'Central African Republic']) {
    const areaMonths = await readAreaMonths(store.db, { country }, '9999-12');
    const series = buildFatalitySeries(areaMonths);
    const mass = await readMassCasualtyMonths(store.db, { country }, '9999-12');
    perCountry.push({ country, series, mass, quiet: quietYears(series) });
  }
  console.log(
    '\nDeaths: admin-1 alerts per area-year (all kinds) and in quiet area-years (deaths not above the year before)',
  );
  console.log(
    'h    country                    area-years  alerts (mass-casualty + rise)  per area-year | quiet area-years  alarms  per quiet area-year',
  );
  const detection: string[] = [];
  for (const h of DEATH_THRESHOLDS) {
    const options = { ...DEFAULT_LOG_CUSUM_OPTIONS, threshold: h };
    for (const c of perCountry) {
      const alerts = detectFatalityAlerts(c.series, c.mass, options, '0000-00');
      const admin1 = c.series.filter((s) => s.level === 'admin1');
      const areaYears = admin1.reduce((a, s) => a + s.months.length / 12, 0);
      const mine = alerts.filter((a) => a.level === 'admin1');
      const massN = mine.filter((a) => a.kind === 'mass-casualty').length;
      let quietN = 0;
      let quietAlarms = 0;
      for (const s of admin1) {
        const years = c.quiet.get(s)!;
        quietN += years.size;
        quietAlarms += mine.filter((a) => a.series === s && years.has(a.alarm.slice(0, 4))).length;
      }
      console.log(
        `${String(h).padEnd(4)} ${c.country.padEnd(26)} ${areaYears.toFixed(0).padStart(10)}  ${`${mine.length} (${massN} + ${mine.length - massN})`.padStart(29)}  ${(mine.length / areaYears).toFixed(3).padStart(13)} | ${String(quietN).padStart(16)}  ${String(quietAlarms).padStart(6)}  ${(quietAlarms / Math.max(1, quietN)).toFixed(3).padStart(19)}`,
      );
      for (const k of known.filter((x) => x.country === c.country)) {
        const hit = alerts
          .filter((a) => a.level !== 'actor' && a.alarm >= k.month && a.alarm <= addMonths(k.month, 3))
          .sort((a, b) => a.alarm.localeCompare(b.alarm))[0];
        detection.push(
          `h=${h}  ${k.name.padEnd(40)} ${hit ? `${hit.level} ${hit.key}: ${hit.kind}, alarm ${hit.alarm} (${monthsApart(k.month, hit.alarm)} month(s) after ${k.month})` : 'no deaths alert within three months'}`,
        );
      }
    }
  }
  console.log(
    '\nDetection of the known escalations on deaths (first country or admin-1 alert in the month or the three after):',
  );
  for (const d of detection) console.log(d);
}

/** The deaths test on simulated quiet heavy-tailed series, and its delay on sustained rises. */
function syntheticDeaths(): void {
  const SERIES = 200;
  const YEARS = 10;
  console.log(
    `\nDeaths, simulated quiet series (${SERIES} × ${YEARS} years; Poisson events, Pareto deaths per event): alarms per series-year`,
  );
  const cases = [
    { events: 1, alpha: 1.1 },
    { events: 3, alpha: 1.1 },
    { events: 3, alpha: 1.5 },
    { events: 10, alpha: 1.1 },
    { events: 30, alpha: 1.5 },
  ];
  console.log(`events/month  tail  ${DEATH_THRESHOLDS.map((h) => `h=${h}`.padStart(7)).join('')}`);
  for (const c of cases) {
    const data = [...Array(SERIES)].map(
      (_, i) => quietDeaths(12 + YEARS * 12, c.events, c.alpha, 77 + i).deaths,
    );
    const cells = DEATH_THRESHOLDS.map((h) => {
      let alarms = 0;
      for (const d of data)
        alarms += logScaleCusum(d, { threshold: h, minHistory: 12 }).filter((a) => a.alarm >= 12).length;
      return (alarms / (SERIES * YEARS)).toFixed(3).padStart(7);
    });
    console.log(`${String(c.events).padEnd(13)} ${String(c.alpha).padEnd(5)} ${cells.join('')}`);
  }
  console.log(
    '\nDeaths, sustained rise after 36 quiet months (3 events/month, tail 1.5): median months to alarm (missed of 100 within a year)',
  );
  console.log(`rise   ${DEATH_THRESHOLDS.map((h) => `h=${h}`.padStart(10)).join('')}`);
  for (const f of [3, 5, 10, 20]) {
    const cells = DEATH_THRESHOLDS.map((h) => {
      const delays: number[] = [];
      for (let seed = 1; seed <= 100; seed++) {
        const series = [
          ...quietDeaths(36, 3, 1.5, seed).deaths,
          ...quietDeaths(12, 3 * f, 1.5, seed + 1000).deaths,
        ];
        const hit = logScaleCusum(series, { threshold: h }).find((a) => a.alarm >= 36);
        delays.push(hit ? hit.alarm - 36 : Number.POSITIVE_INFINITY);
      }
      delays.sort((a, b) => a - b);
      const missed = delays.filter((d) => !Number.isFinite(d)).length;
      return `${Number.isFinite(delays[50]!) ? delays[50] : '–'} (${missed})`.padStart(10);
    });
    console.log(`x${String(f).padEnd(5)} ${cells.join('')}`);
  }
}

await realData();
synthetic();
syntheticDeaths();
