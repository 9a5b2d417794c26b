/** Month arithmetic on 'YYYY-MM' strings, the store's month key. */
export function addMonths(month: string, n: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + n;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${String(yy).padStart(4, '0')}-${String(mm + 1).padStart(2, '0')}`;
}

/** Every month from `first` to `last`, inclusive; empty when last < first. */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** Turns sparse (month → value) into a dense array over `months`, zero where absent. */
export function denseSeries(months: readonly string[], values: ReadonlyMap<string, number>): number[] {
  return months.map((m) => values.get(m) ?? 0);
}

/** Last day of a 'YYYY-MM' month, as YYYY-MM-DD. */
export function lastDayOf(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(d).padStart(2, '0')}`;
}
