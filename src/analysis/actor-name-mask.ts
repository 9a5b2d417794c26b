import type { Kysely } from 'kysely';
import { isPeopleGroup } from '../domain/people-groups.ts';
import type { Database } from '../store/schema.ts';
import type { DriverMatcher, NameMask } from './driver-rules.ts';

/**
 * The names driver suggestions leave out of events' notes (DriverMatcher.nameMask): every actor
 * of the register that acts (an armed group, a force, a militia), which holds the event's own
 * first and second actors and those acting with them. Not only the event's own: a note that
 * names another group ("clashed with JNIM: Group for Support of Islam and Muslims") says no more
 * about why than the event's own actor's name does.
 *
 * Kept as words of the note: the people harmed and the communities ACLED names as groups of
 * people ("Madi Ethnic Group (South Sudan)", "Muslim Group (Nigeria)", "Aliap Clan Group"; the
 * civilian and protester categories, and the groups of people of isPeopleGroup). ACLED
 * names civilians by their community when the reports say they were harmed as its members
 * ("killing 2 members of the Madi ethnic group"), which is the identity driver itself: blanking
 * those names too took 18 of the South Sudan sample's 453 identity suggestions, most of them such
 * notes; without them 9 go, each on a militia's name alone ("by a Murle Ethnic militia"), as
 * "Dozo Communal Militia" and JNIM's name took 186 of 642 events in Mali and Burkina Faso.
 */
export async function actorNameMask(db: Kysely<Database>, matcher: DriverMatcher): Promise<NameMask> {
  const rows = await db
    .selectFrom('actors')
    .select('name')
    .where((w) => w.or([w('category', 'is', null), w('category', 'not in', HARMED)]))
    .execute();
  return matcher.nameMask(rows.map((r) => r.name).filter((n) => !isPeopleGroup(n)));
}

/** Categories of the people harmed, whose names are words of the note (see above). */
const HARMED = ['civilians', 'protesters'];
