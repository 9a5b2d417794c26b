import { pageHref } from './url-state.ts';

const nf = new Intl.NumberFormat('en-GB');

export function num(n: number | null | undefined): string {
  return n === null || n === undefined ? '–' : nf.format(n);
}

export function pct(n: number | null | undefined): string {
  return n === null || n === undefined || Number.isNaN(n) ? '—' : `${Math.round(n * 100)}%`;
}

/** The area's page, carrying the current period and filters. */
export function areaHref(country: string, admin1: string): string {
  return pageHref('area', { country, area: admin1 });
}
