import type { Operation } from '../app/operation.ts';

/** Any table of operations, as the server sees it: names to typed operations. */
// biome-ignore lint/suspicious/noExplicitAny: each operation has its own input and output types
export type OperationTable = Record<string, Operation<any, any>>;

/**
 * Reads exposed as GET with query parameters, for scripts and the workbench. Every operation is
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
  { path: '/api/status', operation: 'workbenchStatus' },
  { path: '/api/areas', operation: 'areaMap' },
  { path: '/api/areas/trend', operation: 'areaTrend' },
  { path: '/api/areas/events', operation: 'mapEvents', cacheable: (q) => q.get('shape') === 'points' },
  { path: '/api/plans', operation: 'listPlans' },
  { path: '/api/plans/current', operation: 'currentPlan' },
  { path: '/api/negotiations/current', operation: 'currentNegotiation' },
  { path: '/api/agreements', operation: 'listAgreements' },
  { path: '/api/agreements/review', operation: 'reviewStoredAgreement' },
  { path: '/api/threats', operation: 'listThreats' },
  { path: '/api/drivers', operation: 'listDrivers' },
  { path: '/api/incidents', operation: 'listIncidents', cacheable: () => false },
];

/** Records created with a POST of JSON to a path of their own, answered `201` with the new id. */
export interface CreateRoute {
  path: string;
  operation: string;
}

export const CREATE_ROUTES: readonly CreateRoute[] = [
  { path: '/api/incidents', operation: 'recordIncident' },
];
