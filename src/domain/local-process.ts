import type { Sensitivity } from './sensitivity.ts';

/**
 * A local process as civil affairs and field offices follow it: a community dialogue, a local
 * agreement, a cattle-migration or land arrangement, a local protection committee. Recommendation
 * 8 of the paper: treat it as politics, tie it to a field office and to the national strategy.
 */
export const LOCAL_PROCESS_KINDS = ['agreement', 'dialogue', 'committee', 'arrangement', 'other'] as const;
export type LocalProcessKind = (typeof LOCAL_PROCESS_KINDS)[number];

export const LOCAL_PROCESS_STATUSES = ['negotiating', 'signed', 'holding', 'broken'] as const;
export type LocalProcessStatus = (typeof LOCAL_PROCESS_STATUSES)[number];

/** How a local process is tied to the national process: `T` in PA-X Local's words is `indirect`. */
export const NATIONAL_LINKS = ['direct', 'indirect', 'none'] as const;
export type NationalLink = (typeof NATIONAL_LINKS)[number];

/** A meeting of a local process (a session of a dialogue, the signing), which people attend. */
export interface LocalMeeting {
  id: string;
  date: string;
}

export interface LocalProcess {
  /** `pax-local:` + AgtId for PA-X Local; the mission's own id otherwise. */
  id: string;
  name: string;
  kind: LocalProcessKind;
  /** Signed or held, YYYY-MM-DD. */
  date: string;
  country: string;
  /** From the source, or from the coordinates and the loaded boundaries (`admin1Source`). */
  admin1: string;
  admin1Source: 'source' | 'boundaries' | 'none';
  place: string;
  latitude: number;
  longitude: number;
  /** Parties as written; actor names of the register where they are known. */
  parties: string[];
  mediators: string[];
  thirdParties: string[];
  issues: string[];
  /** The field office that follows it ('' when none does). */
  office: string;
  status: LocalProcessStatus;
  nationalLink: NationalLink;
  /** How it links to the national process, in words. */
  nationalLinkNote: string;
  /** Objective ids of the mission plan that this process serves. */
  objectives: string[];
  meetings: LocalMeeting[];
  source: 'pax-local' | 'tandem';
  /**
   * `public` for PA-X Local (published already) and by default; a mission's own process that
   * must not be known outside those cleared for it (a dialogue held in confidence) is higher.
   */
  sensitivity: Sensitivity;
}

/** Whether the process has a link to the national process (PA-X Local `LinkNatProcess` Y or T). */
export function linkedToNational(p: Pick<LocalProcess, 'nationalLink'>): boolean {
  return p.nationalLink !== 'none';
}

/** The meetings of a process people can attend: its own, or its date as the one meeting. */
export function meetingsOf(p: Pick<LocalProcess, 'meetings' | 'date'>): LocalMeeting[] {
  return p.meetings.length ? p.meetings : [{ id: 'signing', date: p.date }];
}

/**
 * Whether a process's coordinates name a place. (0, 0), "null island" in the Gulf of Guinea, is
 * what a missing location becomes in a file that wants numbers (PA-X Local codes one CAR
 * agreement there): events around it would be counted around nowhere, so none are.
 */
export function hasUsableLocation(p: Pick<LocalProcess, 'latitude' | 'longitude'>): boolean {
  return (
    Number.isFinite(p.latitude) && Number.isFinite(p.longitude) && !(p.latitude === 0 && p.longitude === 0)
  );
}

/**
 * Why a process's before/after counts are not counts: no event data for its country in the store
 * (nothing to count from), no usable location (0, 0: nowhere to count around), a location
 * outside the country's loaded boundaries (a coding slip such as a latitude repeated as the
 * longitude: counting there would count violence around the wrong place), or a window before or
 * after the process reaching outside the period the country's event data cover (a 2015 agreement
 * held against data from 2021: its "before" would be 0 for want of data, not for want of
 * violence). `null` when counted.
 */
export const COUNTS_UNAVAILABLE = [
  'no-event-data',
  'no-location',
  'location-outside-country',
  'outside-data-period',
] as const;
export type CountsUnavailable = (typeof COUNTS_UNAVAILABLE)[number];

/**
 * The countries a process's country names. PA-X Local writes an agreement across a border as one
 * compound name, "Mali/Niger" or "South Sudan/Sudan/(Southern Kordofan - Blue Nile - Abyei)": the
 * parts are the countries, and a part wholly in brackets is a region, not a country
 * ("Nigeria/(Plateau State)" names Nigeria only). A plain name names itself.
 */
export function countriesNamed(country: string): string[] {
  const parts = country
    .split('/')
    .map((s) => s.trim())
    .filter((s) => s && !/^\(.*\)$/.test(s));
  return parts.length ? [...new Set(parts)] : [country.trim()];
}
