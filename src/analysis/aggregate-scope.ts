import { type SelectQueryBuilder, sql } from 'kysely';
import { VIOLENT_TYPES } from '../domain/violence-type.ts';
import type { Database } from '../store/schema.ts';

// What the analysis's reads of the aggregate tables share: the scope they look at, and the violent types.

/** Where an analysis looks: a country (or every country) and optionally one admin1. */
export interface AnalysisScope {
  country?: string;
  admin1?: string;
}

/** The violent types (battles, GED's two conflict types, explosions, violence against civilians) as a list. */
export const VIOLENT = [...VIOLENT_TYPES];

/** Restricts a query on an aggregate table to the scope. */
export function applyScope<T extends 'event_counts' | 'actor_counts' | 'country_counts', O>(
  q: SelectQueryBuilder<Database, T, O>,
  scope: AnalysisScope,
): SelectQueryBuilder<Database, T, O> {
  if (scope.country !== undefined) q = q.where(sql.ref('country'), '=', scope.country);
  if (scope.admin1 !== undefined) q = q.where(sql.ref('admin1'), '=', scope.admin1);
  return q;
}
