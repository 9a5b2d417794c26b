import type { Operation } from '../app/operation.ts';

/** Any table of operations, as the server sees it: names to typed operations. */
// biome-ignore lint/suspicious/noExplicitAny: each operation has its own input and output types
export type OperationTable = Record<string, Operation<any, any>>;

/**
 * Reads exposed as GET with query parameters (and path parameters, `{name}` in the path, which
 * become the input field of that name), for scripts and the workbench. Every operation is
 * also reachable as `POST /api/ops/{name}` with a JSON body; these paths name the reads people
 * type by hand. A route whose operation is not in the table is simply not served.
 */
export interface ReadRoute {
  path: string;
  operation: string;
  /**
   * Whether an answer may be shared from the cache. Not for reads that release individual records
   * (their every read is logged by the access check), only for aggregates and public data.
   */
  cacheable?: (query: URLSearchParams) => boolean;
}

export const READ_ROUTES: readonly ReadRoute[] = [
  { path: '/api/summary', operation: 'summary' },
  { path: '/api/analysis', operation: 'analyze' },
  { path: '/api/alerts', operation: 'listAlerts' },
  { path: '/api/problems', operation: 'listProblems', cacheable: () => false },
  { path: '/api/events', operation: 'listEvents', cacheable: () => false },
  { path: '/api/event', operation: 'eventDetail', cacheable: () => false },
  { path: '/api/actor', operation: 'actorProfile', cacheable: () => false },
  { path: '/api/status', operation: 'workbenchStatus' },
  { path: '/api/areas', operation: 'areaMap' },
  { path: '/api/areas/trend', operation: 'areaTrend' },
  { path: '/api/areas/events', operation: 'mapEvents', cacheable: (q) => q.get('shape') === 'points' },
  { path: '/api/plans', operation: 'listPlans' },
  { path: '/api/plans/current', operation: 'currentPlan' },
  { path: '/api/plans/current/allocation', operation: 'currentPlanAllocation' },
  { path: '/api/plans/acknowledgements', operation: 'planAcknowledgements', cacheable: () => false },
  { path: '/api/negotiations', operation: 'listNegotiations' },
  { path: '/api/negotiations/current', operation: 'currentNegotiation' },
  { path: '/api/agreements', operation: 'listAgreements' },
  { path: '/api/agreements/review', operation: 'reviewStoredAgreement' },
  { path: '/api/threats', operation: 'listThreats' },
  { path: '/api/drivers', operation: 'listDrivers' },
  { path: '/api/incidents', operation: 'listIncidents', cacheable: () => false },
  { path: '/api/incidents/{id}/history', operation: 'incidentHistory', cacheable: () => false },
  { path: '/api/pulls', operation: 'listSourcePulls', cacheable: () => false },
  { path: '/api/local-processes', operation: 'listLocalProcesses', cacheable: () => false },
  { path: '/api/local-processes/check', operation: 'checkLocalProcesses', cacheable: () => false },
  { path: '/api/participants', operation: 'listParticipants', cacheable: () => false },
  { path: '/api/participation/check', operation: 'checkParticipation', cacheable: () => false },
  { path: '/api/frictions', operation: 'listFrictions', cacheable: () => false },
  { path: '/api/frictions/{ref}/history', operation: 'frictionHistory', cacheable: () => false },
  { path: '/api/forecast', operation: 'forecast' },
];

/** Records created with a POST of JSON to a path of their own, answered `201` with the new id. */
export interface CreateRoute {
  path: string;
  operation: string;
}

export const CREATE_ROUTES: readonly CreateRoute[] = [
  { path: '/api/incidents', operation: 'recordIncident' },
  { path: '/api/participants', operation: 'recordParticipant' },
];

/** Records changed with a PATCH of JSON (the fields that change) to the record's path, answered `200`. */
export const UPDATE_ROUTES: readonly CreateRoute[] = [
  { path: '/api/incidents/{id}', operation: 'editIncident' },
];

/** The names of a path's parameters: `/api/incidents/{id}` has `id`. */
export function pathParameters(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
}

/** A path as Hono routes it: `{id}` becomes `:id`. */
export function honoPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}
