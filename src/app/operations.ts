import { areaOperations } from './area-operations.ts';
import { evidenceOperations } from './evidence-operations.ts';
import { planOperations } from './plan-operations.ts';

/**
 * The table of everything Tandem does. The CLI, the HTTP API and the web workbench are thin
 * clients of it. Each feature keeps its operations in its own file and adds them here.
 */
export const operations = {
  ...evidenceOperations,
  ...planOperations,
  ...areaOperations,
};

export type OperationName = keyof typeof operations;
