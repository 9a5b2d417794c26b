/** The address of an event's page. */
export function eventHref(id: number): string {
  return `#/event?id=${id}`;
}

/** The address of an actor's page, within a country when one is given. */
export function actorHref(name: string, country?: string): string {
  const q = new URLSearchParams({ name });
  if (country) q.set('country', country);
  return `#/actor?${q}`;
}
