import { assertKnownRoles } from '../domain/sensitivity.ts';
import type { Requester } from './operation.ts';

/**
 * Who is asking when nobody signs in: the person at the terminal for the CLI, the server's operator
 * for a workbench without accounts. Whoever can open the database can read it all, so the roles
 * default to full clearance; TANDEM_ROLES (comma-separated: viewer, analyst, poc, protection,
 * admin, …) narrows them, for example on a shared PostgreSQL server. TANDEM_USER names the
 * requester in the access log, else `defaultName`. Reads are logged either way.
 */
export function requesterFromEnvironment(defaultName: string): Requester {
  const roles = (process.env.TANDEM_ROLES ?? 'admin')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  assertKnownRoles(roles, 'TANDEM_ROLES: ');
  return { name: process.env.TANDEM_USER || defaultName, roles };
}
