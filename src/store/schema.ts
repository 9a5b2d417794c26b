import type { ColumnType, Generated } from 'kysely';
import type {
  LocalProcessTable,
  ParticipantIncidentTable,
  ParticipantMeasureTable,
  ParticipantProcessTable,
  ParticipantTable,
} from './participation-schema.ts';

/**
 * The one schema, as Kysely sees it. Booleans are stored as 0/1 integers and dates as ISO text
 * (YYYY-MM-DD, YYYY-MM), so the same queries run on SQLite and PostgreSQL. Tables added by later
 * migrations add their interface here.
 */
export interface EventTable {
  id: Generated<number>;
  source: string;
  source_event_id: string;
  content_hash: string;
  import_id: number;
  date_start: string;
  date_end: string;
  date_precision: string;
  month: string;
  country: string;
  admin1: string;
  admin2: string;
  location: string;
  latitude: number | null;
  longitude: number | null;
  geo_precision: number | null;
  violence_type: string;
  event_type: string;
  sub_event_type: string;
  actor1: string;
  actor1_category: string | null;
  actor2: string;
  actor2_category: string | null;
  civilian_targeting: number;
  civilian_targeting_derived: number;
  fatalities: number;
  fatalities_low: number | null;
  fatalities_high: number | null;
  civilian_fatalities: number | null;
  /** The people harmed as the source names them, joined with '; ' ('' when none is named). */
  targets: Generated<string>;
  /** The actors acting with actor 1, and with actor 2, as the source names them, joined with '; ' ('' when none). */
  actor1_associated: Generated<string>;
  actor2_associated: Generated<string>;
  notes: string;
  source_text: string;
  /** public | internal | restricted | strictly-confidential (domain/sensitivity.ts). */
  sensitivity: Generated<string>;
}

/** Every read of a sensitive record, granted or refused: who, when, what. */
export interface AccessLogTable {
  id: Generated<number>;
  at: string;
  requester: string;
  action: string;
  record_kind: string;
  record_id: string;
  sensitivity: string;
  granted: number;
}

/** Event counts kept current at import time, per area, month, violence type and perpetrator category. */
export interface EventCountTable {
  country: string;
  admin1: string;
  admin2: string;
  month: string;
  violence_type: string;
  actor_category: string;
  events: number;
  fatalities: number;
  civilian_fatalities: number;
  /** How many of the events carry a civilian-fatality figure (GED does, ACLED does not). */
  civilian_fatalities_known: number;
  civilian_targeting_events: number;
  /** Of those, how many had civilian targeting derived by Tandem rather than given by the source. */
  civilian_targeting_derived_events: number;
}

/** event_counts without the areas: a country's counts per month, violence type and category. */
export type CountryCountTable = Omit<EventCountTable, 'admin1' | 'admin2'>;

/** A counter per kind of record, raised with every change to them (store/events-revision.ts). */
export interface StoreRevisionTable {
  name: string;
  revision: number;
}

/** event_counts rolled up by area and month (no violence type or category), for fast summaries. */
export interface AreaMonthCountTable {
  country: string;
  admin1: string;
  admin2: string;
  month: string;
  events: number;
  fatalities: number;
  civilian_fatalities: number;
  civilian_fatalities_known: number;
  civilian_targeting_events: number;
  civilian_targeting_derived_events: number;
}

/**
 * Per-actor monthly counts; role 1 is the first actor (ACLED actor1, GED side_a), 2 the second
 * where it is not also the first, 3 an actor acting with the first (ACLED assoc_actor_1) and 4 one
 * acting with the second, each where it is not named in a role before: each event counts once in an
 * actor's rows. An associated actor's category is that of its side. Roles 1 and 3 are perpetrators.
 */
export interface ActorCountTable {
  country: string;
  admin1: string;
  actor: string;
  actor_category: string;
  role: number;
  month: string;
  violence_type: string;
  events: number;
  fatalities: number;
  civilian_fatalities: number;
  civilian_targeting_events: number;
}

export interface ImportTable {
  id: Generated<number>;
  path: string;
  format: string;
  started_at: string;
  rows: number;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

/** Rows set aside at import, with where and why, so nothing read is lost. */
export interface ProblemTable {
  id: Generated<number>;
  import_id: number;
  file: string;
  line: number;
  column: number;
  field: string | null;
  reason: string;
  raw: string | null;
  /** The highest level the row's source id has held, at least its import's own (migration 012). */
  sensitivity: string;
}

export interface ActorTable {
  name: string;
  category: string | null;
  is_state: number;
  aliases: string;
}

/**
 * An actor's category for a period (migration 026): an actor whose kind changes (mutineers who
 * become an armed opposition) has one row per period, and an event takes the category of its
 * date. Dates are YYYY-MM-DD, '' where the period is open at that end.
 */
export interface ActorCategoryPeriodTable {
  actor: string;
  category: string;
  valid_from: string;
  valid_until: string;
  note: string;
}

export interface AreaTable {
  country: string;
  admin1: string;
  admin2: string;
  latitude: number | null;
  longitude: number | null;
  /** GeoJSON geometry as text, when a boundary file gave one. */
  geometry: string | null;
  source: string;
}

/** An analyst's driver tag on an event (event_id set) or an area (event_id null). */
export interface DriverTagTable {
  id: Generated<number>;
  driver: string;
  event_id: number | null;
  country: string;
  admin1: string;
  analyst: string;
  /** 'poc' or 'political'. */
  unit: string;
  note: string;
  created_at: string;
  /** When the analyst who made it withdrew it, and why; null while it stands. */
  withdrawn_at: string | null;
  withdrawn_reason: string | null;
}

export interface DriverTagConfirmationTable {
  tag_id: number;
  analyst: string;
  unit: string;
  at: string;
}

export interface DriverTagDisputeTable {
  tag_id: number;
  analyst: string;
  unit: string;
  reason: string;
  at: string;
}

/** The threat register; events and drivers are JSON arrays as text. */
export interface ThreatTable {
  id: Generated<number>;
  perpetrator: string;
  perpetrator_category: string | null;
  is_state: number;
  targeted_population: string;
  violence_type: string;
  country: string;
  admin1: string;
  likelihood: string;
  severity: string;
  trend: string;
  status: string;
  events: string;
  event_count: number;
  fatalities: number;
  drivers: string;
  note: string;
  updated_by: string | null;
  updated_at: string | null;
  /** The kinds of harm its events did (HarmKind[] as JSON): why its severity is what it is. */
  harm_kinds: Generated<string>;
}

/** One imported version of a mission plan; the same content is never stored twice. */
export interface PlanVersionTable {
  id: Generated<number>;
  mission: string;
  version: number;
  content_hash: string;
  file_name: string;
  source_text: string;
  plan_json: string;
  imported_at: string;
  imported_by: string;
}

/** Who acknowledged which plan version, in what role (recommendation 2). */
export interface PlanAcknowledgementTable {
  id: Generated<number>;
  plan_version_id: number;
  mission: string;
  version: number;
  acknowledged_by: string;
  role: string;
  acknowledged_at: string;
  recorded_by: string;
}

/** A negotiation process file as the workbench stored it (the newest per process is current). */
export interface NegotiationProcessTable {
  id: Generated<number>;
  process: string;
  country: string;
  file_name: string;
  source_text: string;
  stored_at: string;
  stored_by: string;
}

/** The friction register (migration 023): one row per country, kind and subject taken up. */
export interface FrictionTable {
  id: Generated<number>;
  ref: string;
  country: string;
  kind: string;
  subject: string;
  message: string;
  /** JSON array, as the finding gave it. */
  evidence: string;
  owner: string;
  decision: string | null;
  status: string;
  review_date: string | null;
  note: string;
  decided_by: string | null;
  decided_at: string | null;
  updated_by: string;
  updated_at: string;
}

/** An agreement in the user's corpus, with its normalised text and coverage scorecard (JSON). */
export interface AgreementTable {
  id: Generated<number>;
  title: string;
  source_path: string;
  format: string;
  content_hash: string;
  characters: number;
  text: string;
  /** JSON object: one key per POC category, true when any provision carries it. */
  coverage: string;
  imported_at: string;
  /** The language it was coded in (ISO 639-1, `und`); null for agreements stored before it was kept. */
  language: string | null;
  /** SHA-256 of its words alone (agreementTextKey); null for agreements stored before it was kept. */
  text_key: string | null;
  /** Its provisions as the review counts them (operativeProvisions); null for those stored before. */
  provision_count: number | null;
}

/** A provision of an imported agreement, with its span [span_start, span_end) into the text. */
export interface AgreementProvisionTable {
  id: Generated<number>;
  agreement_id: number;
  provision_id: string;
  number: string;
  heading: string;
  kind: string;
  span_start: number;
  span_end: number;
  text: string;
}

/** One POC code on one provision, with the span and rule that justify it. */
export interface ProvisionCodeTable {
  agreement_id: number;
  provision_row_id: number;
  code: string;
  span_start: number;
  span_end: number;
  rule: string;
  why: string;
}

/** A workbench account: its token is kept only as a SHA-256 hash. */
export interface UserAccountTable {
  name: string;
  /** Comma-separated roles (see ROLE_CLEARANCE). */
  roles: string;
  token_hash: string;
  created_at: string;
  /** scrypt$N$r$p$salt$hash, or null: the account signs in with its token only. */
  password_hash: ColumnType<string | null, string | null | undefined, string | null>;
  /** Comma-separated field offices ('' for none; `all-offices` for every office). */
  offices: ColumnType<string, string | undefined, string>;
}

export interface UserSessionTable {
  /** SHA-256 of the session id the cookie carries; never the id itself. */
  id_hash: string;
  account: string;
  created_at: string;
  last_seen_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  /** Who acted: an account's name, or the person at the terminal. */
  actor: string;
  /** created, changed, released, withheld, exported… */
  action: string;
  record_kind: string;
  record_id: string;
  sensitivity: string;
  /** JSON: what changed or why, never the protected fields themselves. */
  detail: string;
  /** The hash of the row before (64 zeros for the first). */
  prev_hash: string;
  /** SHA-256 of prev_hash and this row's fields. */
  hash: string;
}

export interface DataKeyTable {
  id: number;
  /** The data key encrypted under the master key (AES-256-GCM), base64url. */
  wrapped: string;
  created_at: string;
}

export interface IncidentTable {
  id: Generated<number>;
  created_at: string;
  created_by: string;
  updated_at: string;
  occurred_on: string;
  time: string | null;
  date_precision: string;
  country: string;
  admin1: string;
  admin2: string;
  /** The coordinates to 0.1°: the precise ones are only in coordinates_sealed. */
  coarse_latitude: number | null;
  coarse_longitude: number | null;
  geo_precision: number;
  category: string;
  /** The perpetrator's name ('' when unknown). */
  perpetrator: string;
  perpetrator_category: string | null;
  /** JSON {women, men, girls, boys, unknown}. */
  victims: string;
  killed: number;
  injured: number;
  /** JSON array of the groups targeted, as the reporter wrote them. */
  targeted_groups: string;
  reliability: string;
  credibility: number;
  verification: string;
  office: string;
  sensitivity: string;
  /** Sealed fields (security/field-cipher.ts), or plain text for a public incident. */
  narrative_sealed: string;
  source_type_sealed: string;
  place_sealed: string;
  /** Sealed "latitude,longitude" ('' when not known). */
  coordinates_sealed: string;
}

export interface IncidentHistoryTable {
  id: Generated<number>;
  incident_id: number;
  at: string;
  by: string;
  /** created, edited. */
  change: string;
  /** JSON array of the names of the fields that changed. */
  fields: string;
  /**
   * JSON array of {field, from, to} for an edit ('[]' for a creation); the values of the fields
   * that identify people or places sealed as the incident's own are (migration 018).
   */
  changes: Generated<string>;
}

/** One attempt to pull a source's API (migration 024): its query, counts, import and cursors. */
export interface SourcePullTable {
  id: Generated<number>;
  source: string;
  /** The query in one string (source, country, dates, version): pulls of one query share cursors. */
  query_key: string;
  country: string;
  /** The parameters as JSON: country, from, to, version, Gleditsch–Ward number. */
  parameters: string;
  started_at: string;
  finished_at: string;
  requested_by: string;
  /** ok | failed */
  status: string;
  error: string | null;
  import_id: number | null;
  rows: number;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  deleted: number;
  /** ACLED: the highest `timestamp` seen, where the next pull starts. */
  cursor: string | null;
  /** ACLED: the highest `deleted_timestamp` seen. */
  deleted_cursor: string | null;
}

/** Counts that arrive aggregated (HDX HAPI conflict_event), kept apart from the events (migration 024). */
export interface ConflictAggregateTable {
  id: Generated<number>;
  import_id: number;
  source: string;
  country_code: string;
  country: string;
  admin1_code: string;
  admin1: string;
  admin2_code: string;
  admin2: string;
  event_type: string;
  period_start: string;
  period_end: string;
  events: number;
  fatalities: number | null;
}

export interface Database {
  source_pulls: SourcePullTable;
  conflict_aggregates: ConflictAggregateTable;
  access_log: AccessLogTable;
  user_accounts: UserAccountTable;
  user_sessions: UserSessionTable;
  audit_log: AuditLogTable;
  data_keys: DataKeyTable;
  incidents: IncidentTable;
  incident_history: IncidentHistoryTable;
  local_processes: LocalProcessTable;
  participants: ParticipantTable;
  participant_processes: ParticipantProcessTable;
  participant_incidents: ParticipantIncidentTable;
  participant_measures: ParticipantMeasureTable;
  agreements: AgreementTable;
  agreement_provisions: AgreementProvisionTable;
  provision_codes: ProvisionCodeTable;
  negotiation_processes: NegotiationProcessTable;
  frictions: FrictionTable;
  events: EventTable;
  event_counts: EventCountTable;
  area_month_counts: AreaMonthCountTable;
  country_counts: CountryCountTable;
  store_revisions: StoreRevisionTable;
  actor_counts: ActorCountTable;
  imports: ImportTable;
  problems: ProblemTable;
  actors: ActorTable;
  actor_category_periods: ActorCategoryPeriodTable;
  areas: AreaTable;
  plan_versions: PlanVersionTable;
  plan_acknowledgements: PlanAcknowledgementTable;
  driver_tags: DriverTagTable;
  driver_tag_confirmations: DriverTagConfirmationTable;
  driver_tag_disputes: DriverTagDisputeTable;
  threats: ThreatTable;
}
