import { z } from 'zod';
import { isCalendarDay } from '../domain/calendar-day.ts';
import { FieldError } from '../domain/field-error.ts';

/** A day as YYYY-MM-DD that exists on the calendar (no 2020-02-30). */
export const isoDate = z
  .string()
  // Not a date at all says only so: "not a real day" too would be two messages for one mistake.
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date as YYYY-MM-DD', abort: true })
  .refine(isCalendarDay, 'not a real day');

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
