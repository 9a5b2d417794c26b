/**
 * Drivers of violence: why violence happens where it does. The taxonomy lives in an editable data
 * file (data/drivers.yaml); each driver carries the transparent rules that suggest it from event
 * notes. A suggestion is only a hint; an analyst's tag is a claim; a tag confirmed by a POC analyst
 * and a political analyst is a joint finding.
 */
export interface DriverRule {
  /** Words or phrases matched as whole words, case-insensitive. */
  words: string[];
  /** Regular expressions (JavaScript syntax, case-insensitive). */
  patterns: string[];
}

/**
 * A driver's name in the reader's language: its French label where the taxonomy gives one (a
 * mission's own driver may have none), else its label.
 */
export function driverName(d: { label: string; labelFr?: string }, lang: string): string {
  return lang === 'fr' ? (d.labelFr ?? d.label) : d.label;
}

export interface DriverDefinition extends DriverRule {
  /** Stable key, kebab-case, e.g. `cattle-and-transhumance`. */
  key: string;
  label: string;
  /** The French label, where the taxonomy gives one (data/drivers.yaml's `label_fr`). */
  labelFr?: string;
  description: string;
  /** The French description, where the taxonomy gives one (`description_fr`). */
  descriptionFr?: string;
}

/** A driver's description in the reader's language, as driverName gives its name. */
export function driverDescription(d: { description: string; descriptionFr?: string }, lang: string): string {
  return lang === 'fr' ? (d.descriptionFr ?? d.description) : d.description;
}

export interface DriverTaxonomy {
  drivers: DriverDefinition[];
}

/** A rule-based suggestion, with the words that fired, so an analyst can judge it. */
export interface DriverSuggestion {
  driver: string;
  /** The words or pattern matches found in the text, as they appear there (lower-cased). */
  fired: string[];
}

/** The two units whose joint confirmation makes a driver tag a joint finding. */
export const ANALYST_UNITS = ['poc', 'political'] as const;
export type AnalystUnit = (typeof ANALYST_UNITS)[number];

/**
 * The roles that act for each unit: protection staff (POC, protection, human rights) for the POC
 * unit, political officers for the political one, an administrator (and the account-less user of
 * a laptop) for either. Other roles (analyst, planner, viewer) act for neither, so a joint finding
 * always has a POC and a political person behind it.
 */
const UNIT_ROLES: Record<AnalystUnit, readonly string[]> = {
  poc: ['poc', 'protection', 'human-rights', 'admin'],
  political: ['political', 'admin'],
};

/** The units an account's roles let it tag and confirm for. */
export function unitsOfRoles(roles: readonly string[]): AnalystUnit[] {
  return ANALYST_UNITS.filter((u) => UNIT_ROLES[u].some((r) => roles.includes(r)));
}

export interface DriverConfirmation {
  analyst: string;
  unit: AnalystUnit;
  at: string;
}

/** An analyst who does not stand behind a tag, and why (a tag's maker withdraws it instead). */
export interface DriverDispute {
  analyst: string;
  unit: AnalystUnit;
  reason: string;
  at: string;
}

/** An analyst's tag: a driver on an event or on an area (country, admin1). */
export interface DriverTag {
  id: number;
  driver: string;
  eventId: number | null;
  country: string;
  admin1: string;
  analyst: string;
  unit: AnalystUnit;
  note: string;
  createdAt: string;
  confirmations: DriverConfirmation[];
  /** Analysts who dispute it: while one does, the tag is no joint finding. */
  disputes: DriverDispute[];
}

/**
 * A tag is joint once at least one POC analyst and one political analyst, two different people,
 * stand behind it, and no analyst disputes it. The analyst who made the tag stands behind it for
 * their own unit; a second person from the other unit must confirm. One person cannot be both
 * halves. A dispute holds until its analyst confirms the tag or its maker withdraws it.
 */
export function isJointTag(
  tag: Pick<DriverTag, 'analyst' | 'unit' | 'confirmations'> & { disputes?: readonly unknown[] },
): boolean {
  if (tag.disputes?.length) return false;
  const backers = [{ analyst: tag.analyst, unit: tag.unit }, ...tag.confirmations];
  const poc = new Set(backers.filter((b) => b.unit === 'poc').map((b) => b.analyst));
  const pol = new Set(backers.filter((b) => b.unit === 'political').map((b) => b.analyst));
  for (const a of poc) for (const b of pol) if (a !== b) return true;
  return false;
}
