import type { Language as BriefLanguage } from '../domain/language.ts';
import type { Sensitivity } from '../domain/sensitivity.ts';

/** The languages the brief is written in, and their formats (src/domain/language.ts). */
export {
  LANGUAGES as BRIEF_LANGUAGES,
  type Language as BriefLanguage,
  LanguageFormat as BriefFormat,
} from '../domain/language.ts';

import { en } from './brief-text-en.ts';
import { fr } from './brief-text-fr.ts';

/** Every word of the brief, per language. Both catalogues have the same keys (the type says so). */
export interface BriefText {
  title: (scope: string, from: string, to: string) => string;
  allCountries: string;
  produced: (date: string) => string;
  classification: Record<Sensitivity, string>;
  classificationNote: string;
  /** A name withheld from the reader, as the brief says it. */
  withheld: string;
  sourcesTitle: string;
  /** "x: y" in English, "x : y" in French. */
  colon: string;
  /** "x; y" in English, "x ; y" in French. */
  semicolon: string;
  /**
   * A targeted population as the reader reads it: the source's own group names stay as written;
   * Tandem's "Civilians (Country)", for the events that name no group, is put in the reader's words.
   */
  population: (group: string) => string;
  headline: string;
  figure: string;
  value: string;
  figures: {
    events: string;
    fatalities: string;
    civilianFatalities: string;
    violentEvents: string;
    civilianTargeting: string;
    byState: string;
    stateShare: string;
    alerts: string;
  };
  partialMonth: (to: string, month: string, days: number, of: number) => string;
  /** The last month holds far fewer events than the six before it (thinLastMonth). */
  thinMonth: (month: string, events: number, usual: number) => string;
  partialFirstMonth: (from: string, month: string, days: number, of: number) => string;
  /** `sources`: the short names of the sources in scope ("ACLED, HXL"), '' when unknown. */
  noCivilianFatalities: (sources: string) => string;
  /** Where only some events' sources give civilian deaths: how many of how many. */
  partCivilianFatalities: (known: number, events: number) => string;
  friction: (share: string) => string;
  charts: {
    events: string;
    fatalities: string;
    civilianTargeting: string;
    byViolenceType: string;
    byPerpetrator: string;
    allPerpetrators: string;
    stateForces: string;
    from: (first: string, last: string) => string;
    /** A text chart too long for one mark a month: how many months each mark sums. */
    eachMark: (months: number) => string;
    peak: string;
  };
  howCounted: string;
  counted: {
    /**
     * `ged`: whether UCDP GED is among the sources (its way of naming sides is said only then);
     * `overlapping`: whether ACLED's and UCDP's events are both in scope, which record many of the
     * same events and are not matched with each other.
     */
    headline: (ged: boolean, overlapping: boolean) => string;
    areas: (months: number) => string;
    alerts: string;
    perpetrators: (ged: boolean) => string;
    drivers: (events: string) => string;
    threats: string;
  };
  hotspots: string;
  byLevel: string;
  byChange: (months: number) => string;
  noRise: string;
  areaHead: [string, string, string, string, string, string];
  changeHead: [string, string, string, string, string];
  noAdmin1: string;
  alertsTitle: string;
  alertsIntro: (h: number, shift: number, window: number) => string;
  /** Runs of months with no event of any kind, each as "Jul 2021" or "Jul 2021 to Sept 2021 (3 months)". */
  alertsGap: (country: string, runs: string[]) => string;
  /** The country's record begins too late for the first months of the period to be tested. */
  alertsUntested: (country: string, dataFirst: string, testedFrom: string) => string;
  /** One run of alertsGap: its first and last month, how many, and the share of months with events before it. */
  gapRun: (first: string, last: string, months: number, pct: number) => string;
  alertHead: [string, string, string, string, string, string, string, string, string];
  alertLevel: Record<string, string>;
  /** What an alert counted, by kind and metric: `escalation-events`, `escalation-fatalities`, … */
  alertWhat: Record<string, string>;
  noAlerts: string;
  perpetrators: string;
  stateApart: string;
  noState: string;
  others: (shown: number, all: number) => string;
  none: string;
  noTags: string;
  perpHead: [string, string, string, string, string, string, string, string, string, string, string];
  unknown: string;
  drivers: string;
  jointIntro: string;
  jointHead: [string, string, string, string];
  /** A joint tag as evidence: who made it and who confirmed it, each with their unit. */
  tagBy: (tag: number, where: string, analyst: string, confirmedBy: string) => string;
  /** After an unconfirmed tag's maker: who disputes it, and why. */
  disputedBy: (who: string, reason: string) => string;
  /** The tagged-events cell of a driver tagged on areas only. */
  areaTagsOnly: string;
  country: string;
  noJoint: string;
  unconfirmedIntro: string;
  unconfirmedHead: [string, string, string];
  unit: Record<string, string>;
  suggestionsIntro: (events: string) => string;
  suggestionHead: [string, string, string, string];
  noSuggestion: string;
  threats: string;
  threatHead: [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  yes: string;
  noThreats: string;
  /** The list is bounded: how many of the threats the data suggest it shows (`exact` false: a minimum). */
  threatsShown: (shown: string, total: string, exact: boolean) => string;
  dismissed: (list: string) => string;
  inPlace: (who: string, where: string) => string;
  method: string;
  methodItems: (m: {
    from: string;
    to: string;
    minActorEvents: number;
    window: number;
    dispersionWindow: number;
    block: number;
    shift: string;
    threshold: string;
    /** Events a month (counted in each language's own grammar). */
    minBaseline: number;
    minHistory: number;
    maxRun: number;
  }) => string[];
  /** A country as the data spells it (in English), in the brief's language. */
  countryName: (name: string) => string;
  trend: Record<string, string>;
  level: Record<string, string>;
  status: Record<string, string>;
  violence: Record<string, string>;
  category: Record<string, string>;
}

export const BRIEF_TEXT: Record<BriefLanguage, BriefText> = { en, fr };
