import { z } from 'zod';
import { TandemError } from '../domain/tandem-error.ts';
import { appendAudit } from '../security/audit-chain.ts';
import { mayWrite } from './access-control.ts';
import { storedMissionName } from './mission-name.ts';
import { recordIdInput } from './number-input.ts';
import { type AppContext, defineOperation, type Requester } from './operation.ts';
import { parsePlanInput, planHash, readablePlan } from './plan-operations.ts';
import { listUserAccounts } from './user-accounts.ts';

/**
 * Who acknowledges: always the person the request acts for (the signed-in account; at the
 * terminal $TANDEM_USER or --by), never a name typed in, so nobody acknowledges a plan for someone
 * else.
 */
function acknowledger(requester: Requester, by: string | undefined): string {
  if (by !== undefined && by !== requester.name) {
    throw new TandemError(
      'bad-input',
      `by: an acknowledgement is recorded under the name you act as ("${requester.name}"), not "${by}"`,
    );
  }
  return requester.name;
}

/** A mission's plan version as stored: the newest of a mission (or of any) unless one is named. */
async function planVersion(
  db: AppContext['store']['db'],
  mission: string | undefined,
  version: number | undefined,
) {
  if (mission) mission = await storedMissionName(db, mission);
  let q = db
    .selectFrom('plan_versions')
    .select(['id', 'mission', 'version', 'content_hash', 'imported_at'])
    .orderBy('imported_at', 'desc')
    .orderBy('version', 'desc');
  if (mission) q = q.where('mission', '=', mission);
  if (version) q = q.where('version', '=', version);
  const row = await q.limit(1).executeTakeFirst();
  if (row) return row;
  if (!mission)
    throw new TandemError('not-found', 'no plan stored yet: import one with `tandem plan import`');
  const known = await db
    .selectFrom('plan_versions')
    .select('version')
    .where('mission', '=', mission)
    .orderBy('version')
    .execute();
  throw new TandemError(
    'not-found',
    known.length
      ? `mission "${mission}" has no plan version ${version} (stored: ${known.map((k) => k.version).join(', ')})`
      : `no plan stored for mission "${mission}" (import it first with \`tandem plan import\`)`,
  );
}

export interface AcknowledgementStatus {
  mission: string;
  version: number;
  /** Whether this is the mission's newest version (the one staff should know). */
  current: boolean;
  contentHash: string;
  acknowledged: { by: string; role: string; at: string }[];
  /**
   * Accounts that may acknowledge (a read-only account never can) and have not acknowledged this
   * version; their roles only to an administrator (and the person at the terminal), empty to
   * anyone else.
   */
  notYet: { name: string; roles: string[] }[];
  /** Whether the store has accounts at all (without them, nobody can be listed as missing). */
  accounts: number;
}

export const planAcknowledgementOperations = {
  /**
   * Records that the person the request acts for acknowledged one stored version of a mission's
   * plan (recommendation 2: leadership communicating the plan to staff), in the role they give
   * (their post, "Head of Office, Bor"; their account's roles otherwise). The name is the
   * requester's, never typed; a person acknowledges a version once. Each acknowledgement is
   * appended to the audit chain.
   */
  acknowledgePlan: defineOperation({
    writes: true,
    summary: 'Acknowledge a plan version, as the person you are signed in as',
    input: z
      .object({
        mission: z.string().min(1).optional(),
        /**
         * Or the plan file's text: it names its mission, and must be the very text of the version
         * acknowledged (its SHA-256 is compared with the version's).
         */
        plan: z.string().optional(),
        /** The plan file's name, for messages. */
        name: z.string().optional(),
        /** The version acknowledged; the mission's newest when not given. */
        version: recordIdInput().optional(),
        /** Who acknowledges: only the name the request acts as is accepted. */
        by: z.string().min(1).optional(),
        /** In what post ("Head of Office, Bor"); the account's roles when not given. */
        role: z.string().min(1).optional(),
        /** When the acknowledgement is made from a file: its SHA-256, which must be that version's. */
        contentHash: z.string().optional(),
      })
      .refine((i) => i.mission !== undefined || i.plan !== undefined, 'give a mission or a plan file')
      .superRefine((i) => {
        if (i.plan !== undefined) readablePlan({ plan: i.plan, name: i.name });
      }),
    async run(ctx, given) {
      const by = acknowledger(ctx.requester, given.by);
      const role = given.role ?? (ctx.requester.roles.join(', ') || 'staff');
      const file =
        given.plan === undefined ? undefined : parsePlanInput({ plan: given.plan, name: given.name });
      const mission = file ? file.plan.mission : (given.mission as string);
      const contentHash = file ? planHash(file.text) : given.contentHash;
      const row = await planVersion(ctx.store.db, mission, given.version);
      const version = Number(row.version);
      if (contentHash && contentHash !== row.content_hash) {
        // The file may be another stored version (an earlier one, while a later is the newest).
        const stored = await ctx.store.db
          .selectFrom('plan_versions')
          .select('version')
          .where('mission', '=', mission)
          .where('content_hash', '=', contentHash)
          .executeTakeFirst();
        if (stored)
          throw new TandemError(
            'conflict',
            `the file given is version ${Number(stored.version)} of "${mission}", not version ${version}${given.version === undefined ? ' (the newest)' : ''}: add --version ${Number(stored.version)} to acknowledge it, or acknowledge version ${version} from its own file or by mission name`,
          );
        throw new TandemError(
          'conflict',
          `the file given is not version ${version} of "${mission}" (its SHA-256 is ${contentHash.slice(0, 12)}, the version's ${row.content_hash.slice(0, 12)}): import it first, or acknowledge by mission name`,
        );
      }
      return ctx.store.db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom('plan_acknowledgements')
          .selectAll()
          .where('plan_version_id', '=', row.id)
          .where('acknowledged_by', '=', by)
          .executeTakeFirst();
        const answer = { mission, version, contentHash: row.content_hash, by };
        if (existing)
          return { ...answer, role: existing.role, at: existing.acknowledged_at, alreadyRecorded: true };
        const at = new Date().toISOString();
        await trx
          .insertInto('plan_acknowledgements')
          .values({
            plan_version_id: row.id,
            mission,
            version,
            acknowledged_by: by,
            role,
            acknowledged_at: at,
            recorded_by: ctx.requester.name,
          })
          .execute();
        await appendAudit(trx, [
          {
            actor: by,
            action: 'acknowledged',
            recordKind: 'plan-version',
            recordId: String(row.id),
            sensitivity: 'internal',
            detail: { mission, version, role, contentHash: row.content_hash },
          },
        ]);
        return { ...answer, role, at, alreadyRecorded: false };
      });
    },
  }),

  /**
   * Who has and who has not acknowledged a plan version (the mission's newest unless one is
   * named), against the accounts of the store: what the Plan page shows and `tandem plan
   * acknowledgements` prints.
   */
  planAcknowledgements: defineOperation({
    summary: 'Who has and who has not acknowledged a plan version (the newest by default)',
    input: z.object({
      mission: z.string().min(1).optional(),
      version: recordIdInput().optional(),
    }),
    async run(ctx, input): Promise<AcknowledgementStatus> {
      const db = ctx.store.db;
      const row = await planVersion(db, input.mission, input.version);
      const newest = await planVersion(db, row.mission, undefined);
      const acks = await db
        .selectFrom('plan_acknowledgements')
        .select(['acknowledged_by', 'role', 'acknowledged_at'])
        .where('plan_version_id', '=', row.id)
        .orderBy('acknowledged_at')
        .execute();
      const accounts = await listUserAccounts(ctx.store);
      const done = new Set(acks.map((a) => a.acknowledged_by));
      // Acknowledging changes the store, which a read-only account may never do: listing it as
      // missing would hold the plan out as unacknowledged for good. Who holds which roles is an
      // administrator's to know, not every reader's.
      const expected = accounts.filter((a) => !done.has(a.name) && mayWrite(a));
      const seesRoles = ctx.requester.offices === undefined || ctx.requester.roles.includes('admin');
      return {
        mission: row.mission,
        version: Number(row.version),
        current: Number(newest.id) === Number(row.id),
        contentHash: row.content_hash,
        acknowledged: acks.map((a) => ({ by: a.acknowledged_by, role: a.role, at: a.acknowledged_at })),
        notYet: expected.map((a) => ({ name: a.name, roles: seesRoles ? a.roles : [] })),
        accounts: accounts.length,
      };
    },
  }),
};
