/**
 * ACLED names groups of people as actors too: a community ("Nuer Ethnic Group (South Sudan)",
 * "Aliap Clan Group"), a faith ("Christian Group (Nigeria)"), a trade or a status ("Students
 * (South Sudan)", "Aid Workers (International)", "Refugees/IDPs (Sudan)"). Named beside an armed
 * actor (an associated actor), such a group says whom the militia is drawn from or who was there,
 * not an organisation that acted: the Dinka Ethnic Group associated with a Dinka militia did not
 * perpetrate its attacks. So these are never counted as actors of an event beside its two sides,
 * nor blanked from the notes as an actor's name.
 */
const COMMUNITY = /\b(?:ethnic|religious|clan|caste|tribal|communal|sub-?clan)\s+group\b/i;
const FAITH =
  /^(?:muslim|christian|catholic|protestant|hindu|sikh|jewish|buddhist|animist|evangelical)\s+group\b/i;
const PEOPLE =
  /^(?:women|men|children|youth|students|refugees|idps|refugees\/idps|migrants|aid workers|health workers|journalists|teachers|lawyers|judges|farmers|pastoralists|herders|fishers|traders|miners|prisoners|labour group|labor group|civilians|protesters|rioters|local administrators|religious leaders|former [^()]+)\b/i;

/** Whether an actor's name is one of ACLED's groups of people rather than an organised actor. */
export function isPeopleGroup(name: string): boolean {
  const n = name.trim();
  return COMMUNITY.test(n) || FAITH.test(n) || PEOPLE.test(n);
}
