import { z } from 'zod';
import { ACTOR_CATEGORIES, type ActorCategory } from '../domain/actor-category.ts';
import {
  INCIDENT_CATEGORY_NAMES,
  INFORMATION_CREDIBILITY,
  incidentCounts,
  SOURCE_RELIABILITY,
  VERIFICATION_STATES,
} from '../domain/incident.ts';
import { clearanceOf, SENSITIVITY_LEVELS } from '../domain/sensitivity.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { type AuditEntry, appendAudit } from '../security/audit-chain.ts';
import { currentDataKey } from '../security/data-keys.ts';
import { type DataKey, isSealed, openField, sealField } from '../security/field-cipher.ts';
import { InvalidDocumentError, StructuredDocument } from '../sources/structured-document.ts';
import { eventValues } from '../store/event-columns.ts';
import { withEventImport } from '../store/event-import.ts';
import { RowPacker } from '../store/packed-rows.ts';
import type { IncidentTable } from '../store/schema.ts';
import { assertOwnOffice, mayReadInFull } from './access-control.ts';
import { incidentEvent } from './incident-event.ts';
import { type AppContext, defineOperation, type Requester } from './operation.ts';

const count = z.coerce.number().int().min(0).max(1_000_000).default(0);

const today = () => new Date().toISOString().slice(0, 10);

/** An incident as a reporter sends it (JSON, YAML, the form): the contract of `POST /api/incidents`. */
export const incidentInput = z.object({
  occurredOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'not a real day')
    .refine((s) => s <= today(), 'the date is in the future'),
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM')
    .optional(),
  datePrecision: z.enum(['day', 'week', 'month']).default('day'),
  country: z.string().trim().min(1, 'the country is needed'),
  admin1: z.string().trim().default(''),
  admin2: z.string().trim().default(''),
  place: z.string().trim().default(''),
  latitude: z.coerce
    .number()
    .min(-90, 'a latitude is between -90 and 90')
    .max(90, 'a latitude is between -90 and 90')
    .nullable()
    .optional(),
  longitude: z.coerce
    .number()
    .min(-180, 'a longitude is between -180 and 180')
    .max(180, 'a longitude is between -180 and 180')
    .nullable()
    .optional(),
  geoPrecision: z.coerce.number().int().min(1).max(3).default(1),
  category: z.enum(INCIDENT_CATEGORY_NAMES as [string, ...string[]]),
  perpetrator: z
    .object({ name: z.string().trim().default(''), category: z.enum(ACTOR_CATEGORIES).optional() })
    .nullable()
    .optional(),
  victims: z
    .object({ women: count, men: count, girls: count, boys: count, unknown: count })
    .default({ women: 0, men: 0, girls: 0, boys: 0, unknown: 0 }),
  killed: count,
  injured: count,
  targetedGroups: z.array(z.string().trim().min(1)).default([]),
  sourceType: z.string().trim().default(''),
  reliability: z.string().trim().toUpperCase().pipe(z.enum(SOURCE_RELIABILITY)).default('F'),
  credibility: z.coerce
    .number()
    .int()
    .refine((n) => (INFORMATION_CREDIBILITY as readonly number[]).includes(n), 'a credibility from 1 to 6')
    .default(6),
  verification: z.enum(VERIFICATION_STATES).default('reported'),
  office: z.string().trim().min(1, 'the reporting office is needed'),
  sensitivity: z.enum(SENSITIVITY_LEVELS).default('restricted'),
  narrative: z.string().default(''),
});
export type IncidentInput = z.infer<typeof incidentInput>;

/** An incident as released to a requester: the protected fields null where it may not read them. */
export interface ReleasedIncident
  extends Omit<IncidentInput, 'narrative' | 'sourceType' | 'place' | 'latitude' | 'longitude'> {
  id: number;
  withheld: boolean;
  narrative: string | null;
  sourceType: string | null;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

/** The data key, or a clear refusal: a non-public record is never stored in plain text. */
async function keyFor(ctx: AppContext, sensitivity: string): Promise<DataKey | null> {
  if (sensitivity === 'public') return null;
  const key = await currentDataKey(ctx.store.db);
  if (!key) {
    throw new TandemError(
      'forbidden',
      'non-public incidents are stored encrypted, and no master key is at hand: run `tandem keys init` once (or set TANDEM_KEY_FILE to where the key is kept)',
    );
  }
  return key;
}

const round = (v: number | null | undefined) =>
  v === null || v === undefined ? null : Math.round(v * 10) / 10;

/** Seals a protected field of a non-public incident; a public one is kept as written. */
function seal(key: DataKey | null, value: string, id: number, field: string): string {
  return key ? sealField(key, value, `incident:${id}:${field}`) : value;
}

function open(key: DataKey | null, stored: string, id: number, field: string): string {
  if (!isSealed(stored)) return stored;
  if (!key) throw new TandemError('forbidden', 'this incident is encrypted and no master key is at hand');
  return openField(key, stored, `incident:${id}:${field}`);
}

/** Reads an incident file (YAML or JSON: one incident or a list), every problem located. */
function readIncidentFile(text: string, name: string): IncidentInput[] {
  try {
    const doc = StructuredDocument.parse(text, name);
    return Array.isArray(doc.value)
      ? doc.validate(z.array(incidentInput).min(1, 'the file holds no incident'))
      : [doc.validate(incidentInput)];
  } catch (e) {
    if (e instanceof InvalidDocumentError) {
      throw new TandemError('invalid-file', e.message, { details: { file: e.file, problems: e.problems } });
    }
    throw e;
  }
}

/** The checks that need the requester or two fields at once, before anything is stored. */
function checkIncident(requester: Requester, input: IncidentInput): void {
  assertOwnOffice(requester, input.office);
  const noLat = input.latitude === null || input.latitude === undefined;
  const noLon = input.longitude === null || input.longitude === undefined;
  if (noLat !== noLon) throw new TandemError('bad-input', 'latitude and longitude: give both or neither');
}

/** Stores one checked incident: sealed fields, its history's first row, and the audit's. */
async function recordOne(ctx: AppContext, input: IncidentInput): Promise<{ id: number }> {
  const key = await keyFor(ctx, input.sensitivity);
  const now = new Date().toISOString();
  // The incident, its history, its audit row and the event it counts as land together or not at all.
  return withEventImport(
    ctx.store,
    { sensitivity: input.sensitivity, clearance: clearanceOf(ctx.requester.roles), large: false },
    async (imp) => {
      const trx = imp.db;
      const row: Omit<IncidentTable, 'id'> = {
        created_at: now,
        created_by: ctx.requester.name,
        updated_at: now,
        occurred_on: input.occurredOn,
        time: input.time ?? null,
        date_precision: input.datePrecision,
        country: input.country,
        admin1: input.admin1,
        admin2: input.admin2,
        coarse_latitude: round(input.latitude),
        coarse_longitude: round(input.longitude),
        geo_precision: input.geoPrecision,
        category: input.category,
        perpetrator: input.perpetrator?.name ?? '',
        perpetrator_category: input.perpetrator?.category ?? null,
        victims: JSON.stringify(input.victims),
        killed: input.killed,
        injured: input.injured,
        targeted_groups: JSON.stringify(input.targetedGroups),
        reliability: input.reliability,
        credibility: input.credibility,
        verification: input.verification,
        office: input.office,
        sensitivity: input.sensitivity,
        // Sealed below, once the id (part of each field's context) is known.
        narrative_sealed: '',
        source_type_sealed: '',
        place_sealed: '',
        coordinates_sealed: '',
      };
      const { id } = await trx.insertInto('incidents').values(row).returning('id').executeTakeFirstOrThrow();
      const coordinates =
        input.latitude === null || input.latitude === undefined ? '' : `${input.latitude},${input.longitude}`;
      await trx
        .updateTable('incidents')
        .set({
          narrative_sealed: seal(key, input.narrative, id, 'narrative'),
          source_type_sealed: seal(key, input.sourceType, id, 'sourceType'),
          place_sealed: seal(key, input.place, id, 'place'),
          coordinates_sealed: coordinates ? seal(key, coordinates, id, 'coordinates') : '',
        })
        .where('id', '=', id)
        .execute();
      await trx
        .insertInto('incident_history')
        .values({
          incident_id: id,
          at: now,
          by: ctx.requester.name,
          change: 'created',
          fields: JSON.stringify(Object.keys(input)),
        })
        .execute();
      if (input.sensitivity !== 'public') {
        await appendAudit(
          trx,
          [
            {
              actor: ctx.requester.name,
              action: 'created',
              recordKind: 'incident',
              recordId: String(id),
              sensitivity: input.sensitivity,
              detail: { office: input.office, category: input.category },
            },
          ],
          { inTransaction: true },
        );
      }
      if (incidentCounts(input)) {
        const file = await imp.beginFile(`mission incident ${id}`, 'mission');
        const packer = new RowPacker(1);
        packer.add(eventValues(incidentEvent(Number(id), input), input.sensitivity));
        await file.write({ rows: packer.take(), problems: [], read: 1 });
        await file.finish();
      }
      await imp.finish();
      return { id: Number(id) };
    },
  );
}

export const incidentOperations = {
  recordIncident: defineOperation({
    writes: true,
    summary:
      "Record an incident in the mission's log: what, where, when, who did it, who was harmed, the source and its grading, verification, the office, the sensitivity and a narrative. Protected fields are encrypted; the creation is audited.",
    input: incidentInput,
    async run(ctx, input): Promise<{ id: number }> {
      checkIncident(ctx.requester, input);
      return recordOne(ctx, input);
    },
  }),

  recordIncidentFile: defineOperation({
    writes: true,
    summary:
      'Record the incidents of a file (YAML or JSON: one incident or a list), as recordIncident does each; nothing is stored unless every one is valid.',
    input: z.object({ text: z.string().min(1), name: z.string().default('incidents') }),
    async run(ctx, input): Promise<{ ids: number[] }> {
      const incidents = readIncidentFile(input.text, input.name);
      for (const i of incidents) checkIncident(ctx.requester, i);
      const ids: number[] = [];
      for (const i of incidents) ids.push((await recordOne(ctx, i)).id);
      return { ids };
    },
  }),

  listIncidents: defineOperation({
    summary:
      "The mission's incidents of a country, newest first. A non-public incident is released in full only to a requester cleared for it who belongs to its office; others get its counts and category, with the narrative, source and precise place withheld. Every release is audited.",
    input: z.object({
      country: z.string().trim().min(1).optional(),
      limit: z.coerce.number().int().min(1).max(10_000).default(500),
    }),
    async run(ctx, input): Promise<{ incidents: ReleasedIncident[] }> {
      let q = ctx.store.db
        .selectFrom('incidents')
        .selectAll()
        .orderBy('occurred_on', 'desc')
        .orderBy('id', 'desc')
        .limit(input.limit);
      if (input.country) q = q.where('country', '=', input.country);
      const rows = await q.execute();
      const needsKey = rows.some((r) => r.sensitivity !== 'public' && mayReadInFull(ctx.requester, r));
      const key = needsKey ? await currentDataKey(ctx.store.db) : null;
      const audit: AuditEntry[] = [];
      const incidents = rows.map((r): ReleasedIncident => {
        const id = Number(r.id);
        const full = mayReadInFull(ctx.requester, r);
        if (r.sensitivity !== 'public') {
          audit.push({
            actor: ctx.requester.name,
            action: full ? 'released' : 'withheld',
            recordKind: 'incident',
            recordId: String(id),
            sensitivity: r.sensitivity,
            detail: { via: 'listIncidents' },
          });
        }
        const [lat, lon] =
          full && r.coordinates_sealed
            ? open(key, r.coordinates_sealed, id, 'coordinates').split(',').map(Number)
            : [null, null];
        return {
          id,
          occurredOn: r.occurred_on,
          ...(r.time ? { time: r.time } : {}),
          datePrecision: r.date_precision as ReleasedIncident['datePrecision'],
          country: r.country,
          admin1: r.admin1,
          admin2: full ? r.admin2 : '',
          place: full ? open(key, r.place_sealed, id, 'place') : null,
          latitude: full ? (lat ?? null) : null,
          longitude: full ? (lon ?? null) : null,
          geoPrecision: r.geo_precision,
          category: r.category,
          // The perpetrator's category is what analysis needs; its name is withheld with the rest.
          perpetrator:
            r.perpetrator || r.perpetrator_category
              ? {
                  name: full ? r.perpetrator : '',
                  category: (r.perpetrator_category ?? undefined) as ActorCategory | undefined,
                }
              : null,
          victims: JSON.parse(r.victims),
          killed: Number(r.killed),
          injured: Number(r.injured),
          targetedGroups: full ? JSON.parse(r.targeted_groups) : [],
          sourceType: full ? open(key, r.source_type_sealed, id, 'sourceType') : null,
          reliability: r.reliability as ReleasedIncident['reliability'],
          credibility: Number(r.credibility),
          verification: r.verification as ReleasedIncident['verification'],
          office: r.office,
          sensitivity: r.sensitivity as ReleasedIncident['sensitivity'],
          narrative: full ? open(key, r.narrative_sealed, id, 'narrative') : null,
          withheld: !full,
          createdAt: r.created_at,
          createdBy: r.created_by,
          updatedAt: r.updated_at,
        };
      });
      await appendAudit(ctx.store.db, audit);
      return { incidents };
    },
  }),
};
