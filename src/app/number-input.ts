import { z } from 'zod';

/**
 * A number as a flag, a query string or a form gives it: written in decimal digits (a sign and a
 * decimal point allowed, spaces around it forgiven), or already a number; null is no value. `Number()` alone would
 * take "0x6" for 6, "1e1" for 10 and "" for 0; those reach `schema` as the text they are, and are
 * refused as not a number, with the value quoted.
 */
export function numberInput<S extends z.ZodType<number>>(schema: S) {
  return z.preprocess(decimalNumber, schema);
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** `v` as a number when it is text in decimal digits; anything else as it is. */
export function decimalNumber(v: unknown): unknown {
  // null (YAML's empty "killed:", JSON's null) is no value: the field's default, or "is required".
  if (v === null) return undefined;
  if (typeof v !== 'string') return v;
  const s = v.trim();
  return DECIMAL.test(s) ? Number(s) : v;
}

/**
 * The largest id or version number a store gives (PostgreSQL's `integer`): a larger one names no
 * record, and is refused as input rather than sent to a server that would fail on it.
 */
export const LARGEST_RECORD_ID = 2_147_483_647;

/** A record's id or version, as input: a positive whole number a store can hold. */
export function recordIdNumber(message = 'expected a positive whole number') {
  return z
    .number()
    .int(message)
    .positive(message)
    .max(LARGEST_RECORD_ID, `no record has an id above ${LARGEST_RECORD_ID.toLocaleString('en-US')}`);
}

/** recordIdNumber() as a flag, a query string or a form gives it (numberInput). */
export function recordIdInput(message?: string) {
  return numberInput(recordIdNumber(message));
}
