import { z } from 'zod';
import { processKey } from '../analysis/participation-alerts.ts';
import { meetingsOf } from '../domain/local-process.ts';
import type { Participant, ParticipationIn, ProtectiveMeasure } from '../domain/participant.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { type AuditEntry, appendAudit } from '../security/audit-chain.ts';
import { currentDataKey } from '../security/data-keys.ts';
import { type DataKey, isSealed, openField, sealField } from '../security/field-cipher.ts';
import { missingKeyAdvice } from '../security/master-key.ts';
import { type DocumentProblem, InvalidDocumentError } from '../sources/structured-document.ts';
import { findLocalProcesses } from '../store/local-process-repository.ts';
import {
  findParticipants,
  incidentSummaries,
  insertParticipantLinks,
  type ParticipantRecord,
  storedNegotiations,
} from '../store/participant-repository.ts';
import { assertOwnOffice, mayReadInFull, releaseLocalProcesses, WITHHELD_KEY } from './access-control.ts';
import { storedCountry } from './country-input.ts';
import { countrySlip } from './incident-area.ts';
import { parseProcessInput } from './negotiation-operations.ts';
import { recordIdInput } from './number-input.ts';
import { type AppContext, defineOperation } from './operation.ts';
import { type ParticipantInput, participantInput, readParticipantFile } from './participant-input.ts';

/** A participant as released to a requester: who they are withheld unless in full. */
export interface ReleasedParticipant {
  id: number;
  withheld: boolean;
  alias: string | null;
  realName: string | null;
  /** Free text ("chair of the Bambari peace committee") that can name a person: sealed like the alias. */
  role: string | null;
  gender: Participant['gender'];
  organisation: string | null;
  office: string;
  country: string;
  admin1: string;
  sensitivity: string;
  processes: ParticipationIn[] | null;
  consent: Participant['consent'] | null;
  incidents: number[] | null;
  measures: ProtectiveMeasure[] | null;
  createdAt: string;
  createdBy: string;
}

/** The data key, or a refusal saying what to do: a non-public participant is never kept in plain. */
async function keyFor(ctx: AppContext, sensitivity: string): Promise<DataKey | null> {
  if (sensitivity === 'public') return null;
  const key = await currentDataKey(ctx.store.db);
  if (!key) {
    throw new TandemError(
      'unavailable',
      `participants are stored encrypted, and there is ${missingKeyAdvice()}`,
    );
  }
  return key;
}

const seal = (key: DataKey | null, value: string, id: number, field: string) =>
  key && value ? sealField(key, value, `participant:${id}:${field}`) : value;

/** A participant's organisation, opened to match incidents against it (participation-check-operation.ts). */
export const openSealedOrganisation = (key: DataKey | null, stored: string, id: number) =>
  open(key, stored, id, 'organisation');

function open(key: DataKey | null, stored: string, id: number, field: string): string {
  if (!isSealed(stored)) return stored;
  if (!key)
    throw new TandemError('unavailable', `this participant is encrypted, and there is ${missingKeyAdvice()}`);
  return openField(key, stored, `participant:${id}:${field}`);
}

/** One thing wrong with a participant that only the store can tell: the field, and why. */
interface ParticipantIssue {
  path: (string | number)[];
  message: string;
}

/**
 * Resolves each process a participant takes part in: a local process by its id, else a stored
 * negotiation process by its id or its name (the newest of that name); every round named must be
 * one of the process's rounds (or meetings). A process or round that does not exist is an issue
 * naming the field; every issue is collected, not only the first.
 */
async function resolveProcesses(
  ctx: AppContext,
  input: ParticipantInput,
  issues: ParticipantIssue[],
): Promise<ParticipationIn[]> {
  if (!input.processes.length) return [];
  // A process the requester may not know of is, to them, a process that does not exist.
  const { released } = await releaseLocalProcesses(
    ctx,
    await findLocalProcesses(ctx.store.db, { ids: input.processes.map((p) => p.process) }),
    'recordParticipant',
  );
  const locals = new Map(released.map((p) => [p.id, p]));
  const negotiations = await storedNegotiations(ctx.store.db);
  const out: ParticipationIn[] = [];
  input.processes.forEach((entry, i) => {
    const local = locals.get(entry.process);
    let kind: ParticipationIn['kind'];
    let rounds: string[];
    let process = entry.process;
    if (local) {
      kind = 'local';
      rounds = meetingsOf(local).map((m) => m.id);
    } else {
      const stored =
        negotiations.find((n) => String(n.id) === entry.process) ??
        negotiations.find((n) => n.process === entry.process);
      if (!stored) {
        issues.push({
          path: ['processes', i, 'process'],
          message: `no local process or stored negotiation process "${entry.process}" (import it first: tandem local import, or store the negotiation process)`,
        });
        return;
      }
      kind = 'negotiation';
      process = String(stored.id);
      rounds = parseProcessInput({ process: stored.text, name: stored.fileName }).rounds.map((r) => r.id);
    }
    entry.rounds.forEach((r, j) => {
      if (!rounds.includes(r))
        issues.push({
          path: ['processes', i, 'rounds', j],
          message: `process "${entry.process}" has no round "${r}" (its rounds: ${rounds.join(', ') || 'none'})`,
        });
    });
    out.push({ process, kind, rounds: entry.rounds });
  });
  return out;
}

/**
 * Checks what needs the store (processes, rounds, incidents) before anything is stored: the
 * participant's processes as they resolve, and every issue found (empty when it may be stored).
 */
async function checkParticipant(
  ctx: AppContext,
  input: ParticipantInput,
): Promise<{ processes: ParticipationIn[]; issues: ParticipantIssue[] }> {
  assertOwnOffice(ctx.requester, input.office);
  const issues: ParticipantIssue[] = [];
  const processes = await resolveProcesses(ctx, input, issues);
  if (input.incidents.length) {
    // Only an incident the recorder may read in full may be linked: one of another office or above
    // their clearance is answered as one that does not exist, so the answer tells neither apart.
    const readable = new Set(
      (await incidentSummaries(ctx.store.db, { ids: input.incidents }))
        .filter((i) => mayReadInFull(ctx.requester, i))
        .map((i) => i.id),
    );
    input.incidents.forEach((id, i) => {
      if (!readable.has(id))
        issues.push({
          path: ['incidents', i],
          message: `no incident ${id} in the mission's log that you may read`,
        });
    });
  }
  if (input.consent.given && !input.consent.on)
    issues.push({ path: ['consent', 'on'], message: 'say when consent was given' });
  // A participant under a misspelt country is in no check of the right one.
  const slip = await countrySlip(ctx.store.db, await storedCountry(ctx.store, input.country), input.newArea);
  if (slip) issues.push({ path: ['country'], message: slip });
  return { processes, issues };
}

/** A participant's issues as one refusal: each field and why, every one of them. */
function refused(issues: readonly ParticipantIssue[]): TandemError {
  const listed = issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  return new TandemError('bad-input', listed.map((i) => `${i.path}: ${i.message}`).join('; '), {
    details: { issues: listed },
  });
}

/** Stores one checked participant: sealed identity, links, and the creation in the audit chain. */
async function recordOne(
  ctx: AppContext,
  written: ParticipantInput,
  processes: ParticipationIn[],
): Promise<number> {
  const input = { ...written, country: await storedCountry(ctx.store, written.country) };
  const key = await keyFor(ctx, input.sensitivity);
  return ctx.store.db.transaction().execute(async (trx) => {
    const { id: rawId } = await trx
      .insertInto('participants')
      .values({
        created_at: new Date().toISOString(),
        created_by: ctx.requester.name,
        role: '',
        gender: input.gender,
        office: input.office,
        country: input.country,
        admin1: input.admin1,
        sensitivity: input.sensitivity,
        consent_given: input.consent.given ? 1 : 0,
        consent_on: input.consent.on ?? null,
        // Sealed below, once the id (part of each field's context) is known.
        alias_sealed: '',
        real_name_sealed: '',
        organisation_sealed: '',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(rawId);
    await trx
      .updateTable('participants')
      .set({
        role: seal(key, input.role, id, 'role'),
        alias_sealed: seal(key, input.alias, id, 'alias'),
        real_name_sealed: seal(key, input.realName ?? '', id, 'realName'),
        organisation_sealed: seal(key, input.organisation, id, 'organisation'),
      })
      .where('id', '=', id)
      .execute();
    await insertParticipantLinks(trx, id, {
      processes,
      incidents: input.incidents,
      // What protects a person (relocation, who escorts them) is sealed like who they are.
      measures: input.measures.map((m, i) => ({
        ...m,
        kind: seal(key, m.kind, id, `measure${i}.kind`),
        owner: seal(key, m.owner, id, `measure${i}.owner`),
        reviewOn: m.reviewOn ?? null,
      })),
    });
    if (input.sensitivity !== 'public') {
      await appendAudit(
        trx,
        [
          {
            actor: ctx.requester.name,
            action: 'created',
            recordKind: 'participant',
            recordId: String(id),
            sensitivity: input.sensitivity,
            detail: { office: input.office, processes: processes.map(processKey) },
          },
        ],
        { inTransaction: true },
      );
    }
    return id;
  });
}

/**
 * Participants as the requester may see them, each release (in full or withheld) appended to the
 * audit chain with its purpose. In full only to a requester cleared for the record's level who
 * belongs to its office (access-control.ts); others get the gender, office and area, never the
 * alias, the real name, the role, the organisation or the processes attended.
 */
export async function releaseParticipants(
  ctx: AppContext,
  records: ParticipantRecord[],
  purpose: string,
): Promise<ReleasedParticipant[]> {
  const needsKey = records.some((r) => r.row.sensitivity !== 'public' && mayReadInFull(ctx.requester, r.row));
  const key = needsKey ? await currentDataKey(ctx.store.db) : null;
  const audit: AuditEntry[] = [];
  const out = records.map(({ row, processes, incidents, measures }): ReleasedParticipant => {
    const id = Number(row.id);
    // Without the master key a sealed participant cannot be opened, for anyone: it is withheld,
    // and said to be, rather than failing a whole brief or list.
    const keyless = needsKey && !key && row.sensitivity !== 'public';
    const full = mayReadInFull(ctx.requester, row) && !keyless;
    if (row.sensitivity !== 'public') {
      audit.push({
        actor: ctx.requester.name,
        action: full ? 'released' : 'withheld',
        recordKind: 'participant',
        recordId: String(id),
        sensitivity: row.sensitivity,
        detail: keyless ? { via: purpose, reason: 'no master key' } : { via: purpose },
      });
    }
    const realName = full ? open(key, row.real_name_sealed, id, 'realName') : '';
    return {
      id,
      withheld: !full,
      alias: full ? open(key, row.alias_sealed, id, 'alias') : null,
      realName: full && realName ? realName : null,
      role: full ? open(key, row.role, id, 'role') : null,
      gender: row.gender as Participant['gender'],
      organisation: full ? open(key, row.organisation_sealed, id, 'organisation') : null,
      office: row.office,
      country: row.country,
      admin1: row.admin1,
      sensitivity: row.sensitivity,
      processes: full ? processes : null,
      consent: full ? { given: row.consent_given === 1, on: row.consent_on } : null,
      incidents: full ? incidents : null,
      measures: full
        ? measures.map((m, i) => ({
            ...m,
            kind: open(key, m.kind, id, `measure${i}.kind`),
            owner: open(key, m.owner, id, `measure${i}.owner`),
          }))
        : null,
      createdAt: row.created_at,
      createdBy: full ? row.created_by : WITHHELD_KEY,
    };
  });
  await appendAudit(ctx.store.db, audit);
  return out;
}

export const participantOperations = {
  recordParticipant: defineOperation({
    writes: true,
    summary:
      'Add a person or group to the protection–participation register: alias, role, gender, organisation, office, the processes and rounds they take part in, consent, linked incidents, protective measures. Strictly confidential by default; identity sealed; the creation is audited.',
    input: participantInput,
    async run(ctx, input): Promise<{ id: number }> {
      const { processes, issues } = await checkParticipant(ctx, input);
      if (issues.length) throw refused(issues);
      return { id: await recordOne(ctx, input, processes) };
    },
  }),

  recordParticipantFile: defineOperation({
    writes: true,
    summary:
      'Add the participants of a file (YAML or JSON: one or a list), as recordParticipant does each; nothing is stored unless every one is valid.',
    input: z.object({
      text: z.string().min(1, 'the file is empty'),
      name: z.string().default('participants'),
    }),
    async run(ctx, input): Promise<{ ids: number[] }> {
      const file = readParticipantFile(input.text, input.name);
      const list = file.participants;
      const checked: ParticipationIn[][] = [];
      // Every problem of every participant, each where it stands in the file, before anything is stored.
      const problems: DocumentProblem[] = [];
      for (const [i, p] of list.entries()) {
        const { processes, issues } = await checkParticipant(ctx, p);
        checked.push(processes);
        const which = list.length > 1 ? `participant ${i + 1} (${p.alias}): ` : '';
        for (const issue of issues) problems.push(file.problem(i, issue.path, `${which}${issue.message}`));
      }
      if (problems.length) {
        const e = new InvalidDocumentError(input.name, problems);
        throw new TandemError('invalid-file', e.message, { details: { file: input.name, problems } });
      }
      const ids: number[] = [];
      for (const [i, p] of list.entries()) ids.push(await recordOne(ctx, p, checked[i]!));
      return { ids };
    },
  }),

  listParticipants: defineOperation({
    summary:
      'The protection–participation register of a country. In full only to those cleared for each record who belong to its office; others see gender, office and area, never alias, real name, role or organisation. Every release is audited.',
    input: z.object({
      country: z.string().trim().min(1).optional(),
      id: recordIdInput().optional(),
    }),
    async run(ctx, input): Promise<{ participants: ReleasedParticipant[] }> {
      const records = await findParticipants(ctx.store.db, input);
      // The register itself, asked for, is refused without the key that opens what the requester
      // may read, as the incident list is: every record "withheld" with exit 0 read as a register
      // of nothing one may see (fourth security probe). A brief or a check still withholds them.
      if (records.some((r) => r.row.sensitivity !== 'public' && mayReadInFull(ctx.requester, r.row)))
        await keyFor(ctx, 'restricted');
      return { participants: await releaseParticipants(ctx, records, 'listParticipants') };
    },
  }),
};
