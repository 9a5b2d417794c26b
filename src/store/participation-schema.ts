import type { Generated } from 'kysely';

/** Local processes (migration 019): lists are JSON text. */
export interface LocalProcessTable {
  id: string;
  source: string;
  name: string;
  kind: string;
  date: string;
  country: string;
  admin1: string;
  /** source | boundaries | none: where admin1 came from. */
  admin1_source: string;
  place: string;
  latitude: number;
  longitude: number;
  parties: string;
  mediators: string;
  third_parties: string;
  issues: string;
  office: string;
  status: string;
  national_link: string;
  national_link_note: string;
  objectives: string;
  meetings: string;
  /** SHA-256 of the record as imported: a re-import of the same record changes nothing. */
  content_hash: string;
  imported_at: string;
  imported_by: string;
  /** Migration 025: who may know of it (public unless the mission's file says otherwise). */
  sensitivity: string;
}

/** The protection–participation register (migration 020). */
export interface ParticipantTable {
  id: Generated<number>;
  created_at: string;
  created_by: string;
  role: string;
  gender: string;
  office: string;
  country: string;
  admin1: string;
  sensitivity: string;
  consent_given: number;
  consent_on: string | null;
  /** Sealed (security/field-cipher.ts), or plain for a public record; '' when not kept. */
  alias_sealed: string;
  real_name_sealed: string;
  organisation_sealed: string;
}

export interface ParticipantProcessTable {
  participant_id: number;
  /** negotiation | local */
  process_kind: string;
  process: string;
  round: string;
}

export interface ParticipantIncidentTable {
  participant_id: number;
  incident_id: number;
}

export interface ParticipantMeasureTable {
  id: Generated<number>;
  participant_id: number;
  kind: string;
  owner: string;
  /** planned | in-place | lapsed | closed */
  status: string;
  review_on: string | null;
}
