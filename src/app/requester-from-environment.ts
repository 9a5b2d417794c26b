import type { Requester } from './operation.ts';

/**
 * The person at this machine, as the environment names them: TANDEM_USER (else the name given)
 * with the roles in TANDEM_ROLES (comma-separated: viewer, analyst, poc, protection,
 * admin, …). Whoever can open the database file can read it all, so the default is full clearance;
 * TANDEM_ROLES narrows it, for example on a shared PostgreSQL server. The CLI acts as this person,
 * and so does the workbench of a store that has no accounts.
 */
export function requesterFromEnvironment(fallbackName: string): Requester {
  const roles = (process.env.TANDEM_ROLES ?? 'admin')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  return { name: process.env.TANDEM_USER || fallbackName, roles };
}
