// Type-only: nothing of the engine is bundled into the workbench, only its types are read.
import type { operations } from '../../src/app/operations.ts';

export type OperationName = keyof typeof operations;

/**
 * What a value becomes on its way through JSON: a Date arrives as its ISO string, everything else
 * keeps its shape (arrays and tuples included).
 */
export type Jsonified<T> = T extends Date
  ? string
  : T extends (...args: never[]) => unknown
    ? never
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T;

/**
 * What an operation answers, as the API sends it (`GET` on its read route or `POST /api/ops/{name}`),
 * derived from the operation table itself: when an operation's result changes, the pages that read
 * it stop compiling instead of drifting from it.
 */
export type OperationResult<N extends OperationName> = Jsonified<
  Awaited<ReturnType<(typeof operations)[N]['run']>>
>;
