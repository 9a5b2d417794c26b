import i18next from 'i18next';
import { groupInFrench } from '../../src/domain/harmed-group-words.ts';
import { REDACTED } from '../../src/domain/sensitivity.ts';
import { longMonth, num } from './format.ts';

/**
 * Every code the workbench shows, in the words a practitioner uses, from the catalogues
 * (web/src/i18n/pages/common.ts), so that the pages say the same thing in every language.
 */

/** The label of any code; an unknown code is shown with its dashes as spaces, never hidden. */
export function label(code: string | null | undefined): string {
  if (!code) return '–';
  const words = code.replace(/[-_]/g, ' ');
  return i18next.t(`common.codes.${code}`, { defaultValue: words.charAt(0).toUpperCase() + words.slice(1) });
}

/**
 * A threatened population in the reader's language: the source's own group names stay as written;
 * Tandem's "Civilians (Country)", for the events that name no group, is put in the reader's words.
 */
export function populationName(group: string): string {
  const m = /^Civilians \((.+)\)$/.exec(group);
  if (m) return i18next.t('common.civiliansOf', { country: m[1] });
  // ACLED's other groups ("Aid Workers (Mali)") in French as the French brief writes them.
  const g = /^(.+?) \((.+)\)$/.exec(group);
  const french = g && i18next.language === 'fr' ? groupInFrench(g[1]!) : undefined;
  return french ? i18next.t('common.groupOf', { group: french, country: g![2] }) : actorName(group);
}

/** The server's marker of a name withheld from the reader, in the reader's language; other names as they are. */
export function actorName(name: string): string {
  return name === '(withheld)' ? i18next.t('common.withheld') : name;
}

/** A record's text (notes, source) as the page shows it: the server's withheld marker in the reader's language. */
export function recordText(text: string): string {
  return text === REDACTED ? i18next.t('common.redacted') : text;
}

/**
 * A requester's name as the page shows it: "workbench", the name the server gives the person at
 * the terminal when the store has no accounts, in the reader's words; other names as they are.
 */
export function personName(name: string): string {
  return name === 'workbench' ? i18next.t('common.localStation') : name;
}

/** A data source's name in the reader's language. */
export function sourceLabel(code: string): string {
  return i18next.t(`common.sources.${code}`, { defaultValue: code });
}

/** Poisson upper tail P(X ≥ k) for mean λ, summed directly (k is at most a few thousand here). */
export function poissonTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  // P(X < k) = Σ_{i<k} e^-λ λ^i / i!, with terms built in logs to stay finite.
  let below = 0;
  let logTerm = -lambda;
  for (let i = 0; i < k; i++) {
    below += Math.exp(logTerm);
    logTerm += Math.log(lambda) - Math.log(i + 1);
  }
  return Math.max(0, 1 - below);
}

/**
 * "less than once in a hundred" style wording of a small probability, said no finer than once in
 * a thousand: the chance is a Poisson tail at a baseline estimated from a few months, over a
 * stretch picked after the fact, so "less than once in a million" claimed a certainty the test
 * does not have (alerts probe: at the test's own dispersion, 1 in 10,000 to 100,000).
 */
export function chanceInWords(p: number): string {
  const t = (k: string, o?: Record<string, unknown>) => i18next.t(`common.alert.${k}`, o);
  if (p >= 0.5) return t('inMost');
  if (p >= 0.1) return t('aboutOnce', { n: Math.round(1 / p) });
  if (p < 1e-3) return t('thousand');
  if (p < 1e-2) return t('hundred');
  return t('aboutOnce', { n: Math.round(1 / p) });
}

/**
 * An alert's figures in words, as its kind reads them: a rise of violent events (what was seen
 * against what was expected, and how rare that is), a rise of deaths, one mass-casualty event, or
 * an actor new to the data. Deaths are never called events, nor given a Poisson chance.
 */
export function alertInWords(a: {
  kind: 'escalation' | 'mass-casualty' | 'new-actor';
  metric: 'events' | 'fatalities';
  baseline: number;
  counts: number[];
  score: number;
  start: string;
  alarm: string;
}): string {
  const t = (k: string, o?: Record<string, unknown>) => i18next.t(`common.alert.${k}`, o);
  const months = a.counts.length;
  const seen = a.counts.reduce((s, n) => s + n, 0);
  const expected = a.baseline * months;
  const span =
    months === 1
      ? t('inMonth', { start: longMonth(a.start) })
      : t('fromTo', { start: longMonth(a.start), alarm: longMonth(a.alarm) });
  const about = rounded(expected);
  if (a.kind === 'new-actor') return t('newActor', { seen: num(seen), span });
  if (a.kind === 'mass-casualty')
    return t('massCasualty', {
      deaths: num(a.score),
      seen: num(seen),
      span,
      expected: num(rounded(a.baseline)),
    });
  if (a.metric === 'fatalities') return t('deaths', { seen: num(seen), span, expected: num(about) });
  return t('sentence', {
    seen: num(seen),
    span,
    expected: num(about),
    chance: chanceInWords(poissonTail(seen, expected)),
    what: months === 1 ? t('months') : t('stretches', { months }),
  });
}

/** An expected count as said in words: one decimal below 10, whole above. */
function rounded(x: number): number {
  return x < 10 ? Math.round(x * 10) / 10 : Math.round(x);
}

/**
 * An event's kind as a table shows it: ACLED's sub-event type in the page's language ("Attaque"),
 * or, for a source that names its conflict there (GED writes the dyad, "Government of Mali -
 * Civilians"), the kind of violence.
 */
export function eventKind(e: { source: string; subEventType: string; violenceType: string }): string {
  if (e.source === 'ucdp' || !e.subEventType) return label(e.violenceType);
  return i18next.t(`common.subTypes.${e.subEventType}`, { defaultValue: e.subEventType });
}
