import type { ViolenceType } from '../../src/domain/violence-type.ts';
import type { OperationResult } from './operation-types.ts';

/** Shapes of the API answers the pages read, derived from the operations that give them. */

/** `GET /api/status` (workbenchStatus). */
export type WorkbenchStatus = OperationResult<'workbenchStatus'>;

/** `GET /api/areas` (areaMap): admin-1 polygons with their figures, and every area counted. */
export type AreaMapAnswer = OperationResult<'areaMap'>;
export type AreaFigures = AreaMapAnswer['totals'];

/** `GET /api/areas/trend` (areaTrend): monthly series as columns over `months`. */
export type TrendAnswer = OperationResult<'areaTrend'>;

export interface TrendRow {
  month: string;
  violenceType: string;
  perpetrator: TrendAnswer['series'][number]['perpetrator'];
  events: number;
}

type MapEventsAnswer = OperationResult<'mapEvents'>;
/** `GET /api/areas/events` (mapEvents), full events: the evidence lists. */
export type MapEventsList = Extract<MapEventsAnswer, { events: unknown }>;
export type MapEvent = MapEventsList['events'][number];
/** `GET /api/areas/events?shape=points` (mapEvents): public events as bare map points. */
export type MapPoints = Extract<MapEventsAnswer, { points: unknown }>;
/** [id, longitude, latitude, civilian targeting 0|1, state-force perpetrator 0|1] */
export type MapPointRow = MapPoints['points'][number];

/** The columnar trend as rows, as charts want it. */
export function trendRows(t: TrendAnswer): TrendRow[] {
  return t.series.flatMap((s) =>
    t.months.map((month, i) => ({
      month,
      violenceType: s.violenceType,
      perpetrator: s.perpetrator,
      events: s.events[i],
    })),
  );
}

export const VIOLENCE_TYPES = [
  ['battles', 'Battles'],
  ['state-based-conflict', 'State-based armed conflict'],
  ['non-state-conflict', 'Non-state armed conflict'],
  ['explosions-remote-violence', 'Explosions / remote violence'],
  ['violence-against-civilians', 'Violence against civilians'],
  ['protests', 'Protests'],
  ['riots', 'Riots'],
  ['strategic-developments', 'Strategic developments'],
] as const satisfies readonly (readonly [ViolenceType, string])[];

/** The perpetrator filter: every perpetrator, state forces only, or everyone but state forces. */
export const PERPETRATOR_FILTERS = [
  ['all', 'All'],
  ['state', 'State forces only'],
  ['non-state', 'Non-state only'],
] as const;

const NON_STATE = [
  'rebel-group',
  'political-militia',
  'identity-militia',
  'rioters',
  'protesters',
  'civilians',
  'external-forces',
] as const;

/** The actor categories (first actor) a perpetrator filter keeps; empty for all. */
export function perpetratorCategories(perp: string): string[] {
  return perp === 'state' ? ['state-forces'] : perp === 'non-state' ? [...NON_STATE] : [];
}

export const MEASURES = [
  ['events', 'Events'],
  ['fatalities', 'Fatalities'],
  ['civilianTargetingEvents', 'Attacks on civilians'],
  ['stateCivilianTargetingEvents', 'Attacks on civilians by state forces'],
  ['threat', 'Threat (likelihood × severity)'],
] as const satisfies readonly (readonly [keyof AreaFigures | 'threat', string])[];
