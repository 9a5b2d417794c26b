import { pageHref } from './url-state.ts';

/**
 * The address of an event's page. Like every link between pages it carries the country, period,
 * area and filters, so that leaving the event for another page keeps the period the reader chose.
 */
export function eventHref(id: number): string {
  return pageHref('event', { id: String(id) });
}

/** The address of an actor's page, within a country when one is given, carrying the period too. */
export function actorHref(name: string, country?: string): string {
  return pageHref('actor', { name, country });
}
