import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { Victims } from '../domain/incident.ts';
import { clearanceOf, sensitivityRank } from '../domain/sensitivity.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { appendAudit } from '../security/audit-chain.ts';
import { type DataKey, isSealed } from '../security/field-cipher.ts';
import { InvalidDocumentError, StructuredDocument } from '../sources/structured-document.ts';
import { withEventImport } from '../store/event-import.ts';
import type { Database, IncidentTable } from '../store/schema.ts';
import {
  assertMayEditIncident,
  changeReleasedToAll,
  mayReadInFull,
  WITHHELD_KEY,
  withheldIncidentChange,
} from './access-control.ts';
import { storedCountry } from './country-input.ts';
import { assertKnownCountry, withKnownAdmin1 } from './incident-area.ts';
import { incidentColumns, keyFor, open, seal, storedIncident } from './incident-columns.ts';
import { syncIncidentEvent } from './incident-event.ts';
import { checkIncident, type IncidentInput, incidentInput } from './incident-operations.ts';
import { numberInput, recordIdInput } from './number-input.ts';
import { type AppContext, defineOperation } from './operation.ts';

const incidentId = recordIdInput('an incident id is a positive whole number');
const victimCount = numberInput(z.number().int().min(0).max(1_000_000)).optional();

/** What an edit may change: any field of an incident, by the names of POST /api/incidents. */
export type IncidentChanges = Partial<Omit<IncidentInput, 'victims'>> & { victims?: Partial<Victims> };

// Each field of an incident as an edit takes it: optional, and without the default a new one gets
// (a field left out of an edit keeps its value). Victims change one count at a time.
const changeFields = Object.fromEntries(
  Object.entries(incidentInput.shape).map(([k, v]) => [
    k,
    (v instanceof z.ZodDefault ? (v.removeDefault() as z.ZodType) : v).optional(),
  ]),
);

const changeShape = {
  ...changeFields,
  victims: z
    .object({
      women: victimCount,
      men: victimCount,
      girls: victimCount,
      boys: victimCount,
      unknown: victimCount,
    })
    .strict()
    .optional(),
};

/** The fields an edit changes, as a file or a PATCH body gives them; an unknown field is refused. */
const incidentChanges = z.object(changeShape).strict() as unknown as z.ZodType<IncidentChanges>;

/** The input of editIncident: the incident's id and the fields that change. */
const editInput = z.object({ id: incidentId, ...changeShape }).strict() as unknown as z.ZodType<
  IncidentChanges & { id: number }
>;

/**
 * Reads the changes of an edit from a file (YAML or JSON, one object of the fields that change),
 * every problem located by line and field.
 */
export function readIncidentChanges(text: string, name: string): IncidentChanges {
  try {
    return StructuredDocument.parse(text, name, 'an incident edit').validate(incidentChanges);
  } catch (e) {
    if (e instanceof InvalidDocumentError) {
      throw new TandemError('invalid-file', e.message, { details: { file: e.file, problems: e.problems } });
    }
    throw e;
  }
}

/** One field's change as the history keeps it: protected values sealed when the incident is not public. */
interface StoredChange {
  field: keyof IncidentInput;
  from: unknown;
  to: unknown;
  sealed?: true;
}

/** One field's change as released to a requester; `withheld` where it may not see the values. */
export interface ReleasedChange {
  field: string;
  from: unknown;
  to: unknown;
  withheld?: true;
}

/** One entry of an incident's history: who, when, and which fields (with their values where released). */
export interface IncidentHistoryEntry {
  at: string;
  by: string;
  change: 'created' | 'edited';
  fields: string[];
  changes: ReleasedChange[];
}

const changeContext = (id: number, at: string, field: string, side: 'from' | 'to') =>
  `incident:${id}:history:${at}:${field}:${side}`;

/** Seals the protected values of a change (once the incident is not public); others stay readable. */
function sealChange(c: StoredChange, id: number, at: string, key: DataKey | null): StoredChange {
  if (!key || c.sealed || changeReleasedToAll(c.field)) return c;
  return {
    field: c.field,
    from: seal(key, JSON.stringify(c.from), changeContext(id, at, c.field, 'from')),
    to: seal(key, JSON.stringify(c.to), changeContext(id, at, c.field, 'to')),
    sealed: true,
  };
}

function openChange(c: StoredChange, id: number, at: string, key: DataKey | null): ReleasedChange {
  if (!c.sealed) return { field: c.field, from: c.from, to: c.to };
  const side = (v: unknown, s: 'from' | 'to') =>
    isSealed(v as string) ? JSON.parse(open(key, v as string, changeContext(id, at, c.field, s))) : v;
  return { field: c.field, from: side(c.from, 'from'), to: side(c.to, 'to') };
}

/**
 * Seals what an incident's earlier history kept in plain while it was public: once it is raised
 * above public, its history holds its protected values as sealed as the incident does.
 */
async function sealEarlierHistory(db: Kysely<Database>, id: number, key: DataKey): Promise<void> {
  const rows = await db
    .selectFrom('incident_history')
    .select(['id', 'at', 'changes'])
    .where('incident_id', '=', id)
    .execute();
  for (const r of rows) {
    const changes = JSON.parse(r.changes) as StoredChange[];
    const sealed = changes.map((c) => sealChange(c, id, r.at, key));
    if (JSON.stringify(sealed) !== r.changes)
      await db
        .updateTable('incident_history')
        .set({ changes: JSON.stringify(sealed) })
        .where('id', '=', r.id)
        .execute();
  }
}

async function findIncident(ctx: AppContext, id: number): Promise<Selectable<IncidentTable>> {
  const row = await ctx.store.db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new TandemError('not-found', `there is no incident ${id}`);
  return row;
}

/** The fields whose value differs between two versions of an incident, in the order of the form. */
function changedFields(before: IncidentInput, after: IncidentInput): StoredChange[] {
  const fields = (Object.keys(incidentInput.shape) as (keyof IncidentInput)[]).filter((f) => f !== 'newArea');
  return fields
    .filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null))
    .map((f) => ({ field: f, from: before[f] ?? null, to: after[f] ?? null }));
}

export const incidentEditOperations = {
  editIncident: defineOperation({
    writes: true,
    summary:
      "Change fields of an incident (any of those of recordIncident; the others keep their value), its verification moving reported → corroborated → verified, or to rejected. Only someone who may write and belongs to the incident's office may. The change is kept in the incident's history (who, when, what) and audited, its event and every count move with it, and a rejected incident counts nowhere.",
    input: editInput,
    async run(ctx, input): Promise<{ id: number; changed: string[] }> {
      // `newArea` is said of the change, not stored: the area written is new to the store.
      const { id, victims, newArea, ...fields } = input;
      const db = ctx.store.db;
      const row = await findIncident(ctx, id);
      assertMayEditIncident(ctx.requester, row);
      const level = fields.sensitivity ?? row.sensitivity;
      const key = await keyFor(db, row.sensitivity === 'public' ? level : row.sensitivity);
      const before = storedIncident(row, key);
      const merged: IncidentInput = { ...before, ...fields, victims: { ...before.victims, ...victims } };
      if (fields.country !== undefined) {
        merged.country = await storedCountry(ctx.store, fields.country);
        await assertKnownCountry(db, merged.country, newArea, merged.admin1);
      }
      // A new area (or country) is stored as the store spells it, as when an incident is recorded.
      const after =
        fields.admin1 !== undefined || fields.country !== undefined
          ? { ...(await withKnownAdmin1(db, { ...merged, newArea })), newArea: undefined }
          : merged;
      checkIncident(ctx.requester, after);
      if (sensitivityRank(after.sensitivity) < sensitivityRank(before.sensitivity)) {
        throw new TandemError(
          'bad-input',
          `sensitivity: a record's sensitivity is never lowered (incident ${id} is ${before.sensitivity}, not ${after.sensitivity})`,
          { details: { issues: [{ path: 'sensitivity', message: 'never lowered' }] } },
        );
      }
      const changes = changedFields(before, after);
      if (!changes.length) return { id, changed: [] };
      const newKey = after.sensitivity === 'public' ? null : key;
      const now = new Date().toISOString();
      await withEventImport(
        ctx.store,
        { sensitivity: after.sensitivity, clearance: clearanceOf(ctx.requester.roles), large: false },
        async (imp) => {
          const trx = imp.db;
          // Two edits of one incident at once: the second finds it changed and is refused whole.
          const updated = await trx
            .updateTable('incidents')
            .set({ ...incidentColumns(after, id, newKey), updated_at: now })
            .where('id', '=', id)
            .where('updated_at', '=', row.updated_at)
            .executeTakeFirst();
          if (Number(updated.numUpdatedRows) !== 1)
            throw new TandemError(
              'conflict',
              `incident ${id} was changed meanwhile: read it again and edit anew`,
            );
          if (newKey && before.sensitivity === 'public') await sealEarlierHistory(trx, id, newKey);
          await trx
            .insertInto('incident_history')
            .values({
              incident_id: id,
              at: now,
              by: ctx.requester.name,
              change: 'edited',
              fields: JSON.stringify(changes.map((c) => c.field)),
              changes: JSON.stringify(changes.map((c) => sealChange(c, id, now, newKey))),
            })
            .execute();
          if (after.sensitivity !== 'public') {
            await appendAudit(
              trx,
              [
                {
                  actor: ctx.requester.name,
                  action: 'edited',
                  recordKind: 'incident',
                  recordId: String(id),
                  sensitivity: after.sensitivity,
                  detail: { office: after.office, fields: changes.map((c) => c.field) },
                },
              ],
              { inTransaction: true },
            );
          }
          await syncIncidentEvent(imp, id, after);
          await imp.finish();
        },
      );
      return { id, changed: changes.map((c) => c.field) };
    },
  }),

  incidentHistory: defineOperation({
    summary:
      "An incident's history: its creation and every edit, who made it and when, and what changed from what to what. The values of the fields that identify people or places are withheld from those who may not read the incident in full; the release is audited.",
    input: z.object({ id: incidentId }),
    async run(ctx, { id }): Promise<{ id: number; withheld: boolean; history: IncidentHistoryEntry[] }> {
      const row = await findIncident(ctx, id);
      const full = mayReadInFull(ctx.requester, row);
      const key = full ? await keyFor(ctx.store.db, row.sensitivity) : null;
      const rows = await ctx.store.db
        .selectFrom('incident_history')
        .selectAll()
        .where('incident_id', '=', id)
        .orderBy('id')
        .execute();
      const history = rows.map(
        (h): IncidentHistoryEntry => ({
          at: h.at,
          // Who recorded or edited it is withheld as the incident list withholds who recorded it.
          by: full ? h.by : WITHHELD_KEY,
          change: h.change as IncidentHistoryEntry['change'],
          fields: JSON.parse(h.fields),
          changes: (JSON.parse(h.changes) as StoredChange[]).map((c) =>
            full ? openChange(c, id, h.at, key) : withheldIncidentChange(c),
          ),
        }),
      );
      if (row.sensitivity !== 'public') {
        await appendAudit(ctx.store.db, [
          {
            actor: ctx.requester.name,
            action: full ? 'released' : 'withheld',
            recordKind: 'incident',
            recordId: String(id),
            sensitivity: row.sensitivity,
            detail: { via: 'incidentHistory' },
          },
        ]);
      }
      return { id, withheld: !full, history };
    },
  }),
};
