import { z } from 'zod';
import { ACTOR_CATEGORIES, CATEGORY_WORDS_HINT, parseActorCategory } from '../domain/actor-category.ts';
import { isCalendarDay } from '../domain/calendar-day.ts';
import {
  INCIDENT_CATEGORY_NAMES,
  INFORMATION_CREDIBILITY,
  SOURCE_RELIABILITY,
  VERIFICATION_STATES,
} from '../domain/incident.ts';
import { clearanceOf, SENSITIVITY_LEVELS } from '../domain/sensitivity.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { type AuditEntry, appendAudit } from '../security/audit-chain.ts';
import { currentDataKey } from '../security/data-keys.ts';
import {
  type DocumentProblem,
  InvalidDocumentError,
  invalidDocument,
  StructuredDocument,
} from '../sources/structured-document.ts';
import { withEventImport } from '../store/event-import.ts';
import { assertOwnOffice, mayReadInFull, WITHHELD_KEY, withheldIncident } from './access-control.ts';
import { storedCountry } from './country-input.ts';
import { assertKnownCountry, withKnownAdmin1 } from './incident-area.ts';
import { incidentColumns, keyFor, storedIncident } from './incident-columns.ts';
import { syncIncidentEvent } from './incident-event.ts';
import { numberInput } from './number-input.ts';
import { type AppContext, defineOperation, type Requester } from './operation.ts';

const count = numberInput(z.number().int().min(0).max(1_000_000)).default(0);

const today = () => new Date().toISOString().slice(0, 10);

/** An incident as a reporter sends it (JSON, YAML, the form): the contract of `POST /api/incidents`. */
export const incidentInput = z.object({
  occurredOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date as YYYY-MM-DD', abort: true })
    .refine(isCalendarDay, { error: 'not a real day', abort: true })
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
  latitude: numberInput(
    z.number().min(-90, 'a latitude is between -90 and 90').max(90, 'a latitude is between -90 and 90'),
  )
    .nullable()
    .optional(),
  longitude: numberInput(
    z
      .number()
      .min(-180, 'a longitude is between -180 and 180')
      .max(180, 'a longitude is between -180 and 180'),
  )
    .nullable()
    .optional(),
  geoPrecision: numberInput(z.number().int().min(1).max(3)).default(1),
  category: z.enum(INCIDENT_CATEGORY_NAMES as [string, ...string[]]),
  // Strict inside too: `victims: { men: 2, killed: 2 }` would otherwise store no one killed.
  perpetrator: z
    .strictObject({
      name: z.string().trim().default(''),
      // ACLED's words or numbers and a French sheet's ("forces de l'État", "groupe armé"), as the
      // HXL reader takes them; empty is none.
      category: z
        .preprocess(
          (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : (parseActorCategory(v) ?? v)) : v),
          z.enum(ACTOR_CATEGORIES, {
            error: `expected one of ${ACTOR_CATEGORIES.join(', ')}, or ${CATEGORY_WORDS_HINT}`,
          }),
        )
        .optional(),
    })
    .nullable()
    .optional(),
  victims: z
    .strictObject({ women: count, men: count, girls: count, boys: count, unknown: count })
    .default({ women: 0, men: 0, girls: 0, boys: 0, unknown: 0 }),
  killed: count,
  injured: count,
  targetedGroups: z.array(z.string().trim().min(1)).default([]),
  sourceType: z.string().trim().default(''),
  reliability: z.string().trim().toUpperCase().pipe(z.enum(SOURCE_RELIABILITY)).default('F'),
  credibility: numberInput(
    z
      .number()
      .int()
      .refine((n) => (INFORMATION_CREDIBILITY as readonly number[]).includes(n), 'a credibility from 1 to 6'),
  ).default(6),
  verification: z.enum(VERIFICATION_STATES).default('reported'),
  office: z.string().trim().min(1, 'the reporting office is needed'),
  sensitivity: z.enum(SENSITIVITY_LEVELS).default('restricted'),
  narrative: z.string().default(''),
  /**
   * The reporter says the admin-1 area is new to the store, not a slip for one it knows: without
   * it, a name very like a known area ("Kesa Highland" for "Kessa Highlands") is refused.
   */
  newArea: z.boolean().optional(),
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

/** Reads an incident file (YAML or JSON: one incident or a list), every problem located. */
function readIncidentFile(
  text: string,
  name: string,
): { incidents: IncidentInput[]; doc: StructuredDocument } {
  try {
    const doc = StructuredDocument.parse(text, name, 'an incidents file');
    // Strict, as an edit is: a misspelt field (`narative:`) is refused, never silently dropped.
    const one = incidentInput.strict();
    const incidents = Array.isArray(doc.value)
      ? doc.validate(z.array(one).min(1, 'the file holds no incident'))
      : [doc.validate(one)];
    return { incidents, doc };
  } catch (e) {
    if (e instanceof InvalidDocumentError) throw invalidFile(e);
    throw e;
  }
}

function invalidFile(e: InvalidDocumentError): TandemError {
  return new TandemError('invalid-file', e.message, { details: { file: e.file, problems: e.problems } });
}

/** The checks that need the requester or two fields at once, before anything is stored. */
export function checkIncident(requester: Requester, input: IncidentInput): void {
  assertOwnOffice(requester, input.office);
  const noLat = input.latitude === null || input.latitude === undefined;
  const noLon = input.longitude === null || input.longitude === undefined;
  if (noLat !== noLon) {
    const message = 'latitude and longitude: give both or neither';
    throw new TandemError('bad-input', message, { details: { issues: [{ path: 'latitude', message }] } });
  }
}

/**
 * An incident as it will be stored: its country under the name the store uses, its admin-1 area as
 * the store already spells it where the reporter wrote a variant of a known name (a likely slip
 * for one is refused: withKnownAdmin1).
 */
async function placed(ctx: AppContext, written: IncidentInput): Promise<IncidentInput> {
  const country = await storedCountry(ctx.store, written.country);
  await assertKnownCountry(ctx.store.db, country, written.newArea, written.admin1);
  return withKnownAdmin1(ctx.store.db, { ...written, country });
}

/** Stores one checked and placed incident: sealed fields, its history's first row, and the audit's. */
async function recordOne(ctx: AppContext, input: IncidentInput): Promise<{ id: number; admin1: string }> {
  const key = await keyFor(ctx.store.db, input.sensitivity);
  const now = new Date().toISOString();
  // The incident, its history, its audit row and the event it counts as land together or not at all.
  return withEventImport(
    ctx.store,
    { sensitivity: input.sensitivity, clearance: clearanceOf(ctx.requester.roles), large: false },
    async (imp) => {
      const trx = imp.db;
      // The protected fields are sealed once the id (part of each field's context) is known.
      const { id } = await trx
        .insertInto('incidents')
        .values({
          created_at: now,
          created_by: ctx.requester.name,
          updated_at: now,
          ...incidentColumns(input, 0, null),
          narrative_sealed: '',
          source_type_sealed: '',
          place_sealed: '',
          coordinates_sealed: '',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('incidents')
        .set(incidentColumns(input, Number(id), key))
        .where('id', '=', id)
        .execute();
      await trx
        .insertInto('incident_history')
        .values({
          incident_id: id,
          at: now,
          by: ctx.requester.name,
          change: 'created',
          fields: JSON.stringify(Object.keys(input).filter((k) => k !== 'newArea')),
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
      await syncIncidentEvent(imp, Number(id), input);
      await imp.finish();
      return { id: Number(id), admin1: input.admin1 };
    },
  );
}

export const incidentOperations = {
  recordIncident: defineOperation({
    writes: true,
    summary:
      "Record an incident in the mission's log: what, where, when, who did it, who was harmed, the source and its grading, verification, the office, the sensitivity and a narrative. An admin-1 area written as a variant of one the country's data or boundaries know (case, accents, a word such as State or Province) is stored under the known spelling, which the answer gives. Protected fields are encrypted; the creation is audited.",
    input: incidentInput,
    async run(ctx, input): Promise<{ id: number; admin1: string }> {
      checkIncident(ctx.requester, input);
      return recordOne(ctx, await placed(ctx, input));
    },
  }),

  recordIncidentFile: defineOperation({
    writes: true,
    summary:
      'Record the incidents of a file (YAML or JSON: one incident or a list), as recordIncident does each; nothing is stored unless every one is valid.',
    input: z.object({ text: z.string().min(1), name: z.string().default('incidents') }),
    async run(ctx, input): Promise<{ ids: number[]; id?: number; admin1?: string }> {
      const { incidents, doc } = readIncidentFile(input.text, input.name);
      // Each checked and placed before any is stored, so a slip in the tenth area stores none; every
      // slip is named at its line and column, all at once.
      const ready: IncidentInput[] = [];
      const problems: DocumentProblem[] = [];
      for (const [k, i] of incidents.entries()) {
        try {
          checkIncident(ctx.requester, i);
          ready.push(await placed(ctx, i));
        } catch (e) {
          if (!(e instanceof TandemError) || e.code !== 'bad-input') throw e;
          const details = e.details as { issues?: { path: string; message: string }[] } | undefined;
          const issue = details?.issues?.[0];
          const at = Array.isArray(doc.value) ? [k] : [];
          problems.push(doc.problem(issue ? [...at, issue.path] : at, issue?.message ?? e.message));
        }
      }
      if (problems.length) throw invalidFile(invalidDocument(input.name, problems));
      const stored: { id: number; admin1: string }[] = [];
      for (const i of ready) stored.push(await recordOne(ctx, i));
      const ids = stored.map((r) => r.id);
      // A file of one incident answers as POST /api/incidents does ({id, admin1}), and with `ids`.
      return stored.length === 1 ? { ids, ...stored[0]! } : { ids };
    },
  }),

  listIncidents: defineOperation({
    summary:
      "The mission's incidents of a country, newest first. A non-public incident is released in full only to a requester cleared for it who belongs to its office; others get its counts and category, with the narrative, source and precise place withheld. Every release is audited.",
    input: z.object({
      country: z.string().trim().min(1).optional(),
      limit: numberInput(z.number().int().min(1).max(10_000)).default(500),
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
        const full = mayReadInFull(ctx.requester, r);
        if (r.sensitivity !== 'public') {
          audit.push({
            actor: ctx.requester.name,
            action: full ? 'released' : 'withheld',
            recordKind: 'incident',
            recordId: String(r.id),
            sensitivity: r.sensitivity,
            detail: { via: 'listIncidents' },
          });
        }
        const meta = {
          id: Number(r.id),
          createdAt: r.created_at,
          // Who recorded a case says which office and person handle it: withheld with the rest.
          createdBy: full ? r.created_by : WITHHELD_KEY,
          updatedAt: r.updated_at,
        };
        return full
          ? { ...storedIncident(r, key), ...meta, withheld: false }
          : { ...withheldIncident(r), ...meta };
      });
      await appendAudit(ctx.store.db, audit);
      return { incidents };
    },
  }),
};
