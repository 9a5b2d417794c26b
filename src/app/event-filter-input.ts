import { z } from 'zod';
import { FieldError } from '../domain/field-error.ts';

/** Whether a YYYY-MM-DD date is on the calendar (2020-02-30 and 2025-13-01 are not). */
export function isRealDay(s: string): boolean {
  return (
    !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)
  );
}

/** A day as YYYY-MM-DD that exists on the calendar (no 2020-02-30). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isRealDay, 'not a real day');

/** The filter most event operations take: a country and a period. */
export const eventFilterInput = z.object({
  country: z.string().min(1).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

/** Refuses a period that ends before it starts, naming the fields as the front end does. */
export function checkPeriod(f: { from?: string; to?: string }): void {
  const { from, to } = f;
  if (from && to && from > to)
    throw new FieldError('from', (n) => `${n('from')} ${from} is after ${n('to')} ${to}`);
}
