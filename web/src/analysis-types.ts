import type { ThreatLevel } from '../../src/domain/threat.ts';
import type { OperationResult } from './operation-types.ts';

/** `GET /api/analysis`: the joint analysis, as the `analyze` operation answers it. */
export type AnalysisAnswer = OperationResult<'analyze'>;
export type Alert = AnalysisAnswer['alerts'][number];
export type Perpetrator = AnalysisAnswer['perpetrators'][number];
export type DriverRow = AnalysisAnswer['drivers'][number];
export type Threat = AnalysisAnswer['threats'][number];

// Every level the engine gives a threat (src/domain/threat.ts), on one 1–4 scale: a level added
// there fails to compile here until it is weighed.
const LEVEL: Record<ThreatLevel, number> = { low: 1, medium: 2, high: 3, 'very-high': 4 };

/** A threat's weight: likelihood × severity on a 1–4 scale each. */
export function threatScore(t: Pick<Threat, 'likelihood' | 'severity'>): number {
  return LEVEL[t.likelihood] * LEVEL[t.severity];
}
