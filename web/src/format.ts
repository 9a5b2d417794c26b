const nf = new Intl.NumberFormat('en-GB');

export function num(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : nf.format(n);
}

export function pct(n: number | null | undefined): string {
  return n === null || n === undefined || Number.isNaN(n) ? '—' : `${Math.round(n * 100)}%`;
}

export function areaHref(country: string, admin1: string): string {
  return `#/area/${encodeURIComponent(country)}/${encodeURIComponent(admin1)}`;
}

/** The first day of the month twelve months before `month` (YYYY-MM), for a default period. */
export function yearBefore(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 12, 1));
  return d.toISOString().slice(0, 10);
}

export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
