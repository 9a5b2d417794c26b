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
  // Counted, not compared as strings: after 9999-12 comes "10000-01", which sorts before it.
  const n = monthIndex(last) - monthIndex(first);
  for (let i = 0; i <= n; i++) out.push(addMonths(first, i));
  return out;
}

/** Months since year 0 of a 'YYYY-MM' month. */
function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
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
