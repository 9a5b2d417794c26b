import { z } from 'zod';
import {
  FRICTION_KINDS,
  type Friction,
  type FrictionFinding,
  type FrictionKind,
  frictionRef,
  missionSubject,
} from '../domain/friction.ts';
import type { Language } from '../domain/language.ts';
import { type Finding, type Plan, planElementIds } from '../domain/plan.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { loadMitigations } from '../planning/mitigation-catalog.ts';
import { checkPlanAgainst } from '../planning/plan-checks.ts';
import { readPlanEvidence } from '../planning/plan-evidence-query.ts';
import { appendAudit } from '../security/audit-chain.ts';
import { type FrictionEditField, findFrictions, saveFriction } from '../store/friction-repository.ts';
import { hiddenEvents, releaseActorNames, releasePlanFindings, WITHHELD_KEY } from './access-control.ts';
import { frictionEditInput, frictionRefInput } from './friction-edit-input.ts';
import { type FrictionHistoryEntry, readFrictionHistory } from './friction-history.ts';
import { FRICTION_TEXT } from './friction-text.ts';
import { languageInput } from './language-input.ts';
import { type AppContext, defineOperation } from './operation.ts';
import { citedEvents, planOperations } from './plan-operations.ts';
import { violenceWithoutProcess } from './violence-without-process.ts';

const PLAN_FRICTIONS = new Set<string>(FRICTION_KINDS);

/** Frictions the plan check finds in the newest stored version of each mission's plan. */
async function planFrictions(
  ctx: AppContext,
  country?: string,
  lang?: Language,
): Promise<{ found: FrictionFinding[]; checked: boolean; ids: string[] }> {
  const rows = await ctx.store.db
    .selectFrom('plan_versions')
    .select(['mission', 'version', 'file_name', 'source_text', 'plan_json'])
    .orderBy('version', 'desc')
    .execute();
  const newest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!newest.has(r.mission)) newest.set(r.mission, r);
  const out: (FrictionFinding & { mission: string })[] = [];
  let checked = false;
  const ids: string[] = [];
  for (const r of newest.values()) {
    const plan = JSON.parse(r.plan_json) as Plan;
    const planCountry = plan.country;
    if (country !== undefined && planCountry !== country) continue;
    checked = true;
    ids.push(...planElementIds(plan));
    for (const f of await storedPlanFindings(ctx, r, lang))
      if (PLAN_FRICTIONS.has(f.kind))
        out.push({
          country: planCountry,
          kind: f.kind as FrictionKind,
          subject: f.subject,
          message: f.message,
          evidence: f.evidence,
          mission: r.mission,
        });
  }
  return { found: disambiguated(out), checked, ids };
}

/**
 * Two missions' plans of one country may name the same activity ("A2" in an English and a French
 * plan): their frictions would share a reference, and an edit of one would overwrite the other.
 * Where a kind and subject come from more than one mission, the subject names the mission too
 * ("A2 (MINUSMA)"); a subject only one plan gives keeps its reference.
 */
function disambiguated(found: (FrictionFinding & { mission: string })[]): FrictionFinding[] {
  const missions = new Map<string, Set<string>>();
  const key = (f: FrictionFinding) => `${f.country}\u001f${f.kind}\u001f${f.subject}`;
  for (const f of found) missions.set(key(f), (missions.get(key(f)) ?? new Set()).add(f.mission));
  return found.map(({ mission, ...f }) =>
    (missions.get(key(f))?.size ?? 0) > 1 ? { ...f, subject: missionSubject(f.subject, mission) } : f,
  );
}

/**
 * The plan check's findings on a stored plan version. A version stored before the plan reader
 * refused something it now refuses (a file that was not UTF-8, two priorities for one area, a
 * resource used outside its areas) is checked as it was read when stored, so that one old version
 * does not make the whole register unreadable.
 */
async function storedPlanFindings(
  ctx: AppContext,
  r: { source_text: string; file_name: string; plan_json: string },
  lang?: Language,
): Promise<Finding[]> {
  try {
    return (await planOperations.checkPlan.run(ctx, { plan: r.source_text, name: r.file_name, lang }))
      .findings;
  } catch (e) {
    if (!(e instanceof TandemError) || e.code !== 'invalid-file') throw e;
    const plan = JSON.parse(r.plan_json) as Plan;
    const hidden = await hiddenEvents(ctx);
    const evidence = await readPlanEvidence(ctx.store.db, plan, hidden);
    const { findings } = checkPlanAgainst(plan, evidence, loadMitigations(lang), lang);
    return releasePlanFindings(ctx, findings, citedEvents(findings), 'plan check', hidden);
  }
}

/**
 * The found frictions of the scope, overlaid with the register; registered ones no longer found
 * are kept. `notes` says what could not be looked for.
 */
async function currentFrictions(
  ctx: AppContext,
  country?: string,
  lang?: Language,
): Promise<{ frictions: Friction[]; notes: string[]; keep: string[] }> {
  const withoutProcess = await violenceWithoutProcess(ctx, country, lang);
  const plans = await planFrictions(ctx, country, lang);
  const found = [...plans.found, ...withoutProcess.found];
  const registered = new Map((await findFrictions(ctx.store.db, country)).map((f) => [f.ref, f]));
  const out: Friction[] = [];
  for (const f of found) {
    const ref = frictionRef(f);
    const r = registered.get(ref);
    registered.delete(ref);
    out.push(
      r
        ? { ...r, message: f.message, evidence: f.evidence, found: true }
        : {
            ...f,
            ref,
            found: true,
            registered: false,
            owner: '',
            decision: null,
            status: 'open',
            reviewDate: null,
            note: '',
            decidedBy: null,
            decidedAt: null,
            updatedBy: null,
            updatedAt: null,
          },
    );
  }
  for (const r of registered.values()) out.push({ ...r, found: false });
  // A register with no plan to check says so: "no friction found" would read as none there.
  const noPlan = plans.checked ? [] : [FRICTION_TEXT[lang ?? 'en'].noPlanStored(country)];
  // The plans' own ids and the subjects stay whole where a withheld name is part of one.
  const keep = [...plans.ids, ...out.map((f) => f.subject)];
  return { frictions: out, notes: [...noPlan, ...withoutProcess.notes], keep };
}

/**
 * Frictions as released. A found one's subject, message and evidence are today's checks', released
 * as they were made (the store's names withheld as read, the plan's own words as written: withheld
 * again, an activity id written as a guessed name would come back "(withheld)"). What the register
 * keeps, its owner and note, and for one no longer found the message and evidence of its last
 * edit (perhaps by someone of a higher clearance), has the names only hidden records carry
 * withheld, the plans' ids kept whole (`keep`). A subject so withheld takes its reference with it:
 * a hash of the subject, it would confirm a guess.
 */
async function releasedFrictions<F extends Friction>(
  ctx: AppContext,
  frictions: F[],
  keep: readonly string[],
): Promise<F[]> {
  const kept = frictions.map((f) =>
    f.found
      ? { owner: f.owner, note: f.note }
      : { owner: f.owner, note: f.note, subject: f.subject, message: f.message, evidence: f.evidence },
  );
  const released = await releaseActorNames(ctx, kept, undefined, 'frictions', keep);
  return frictions.map((f, i) => {
    const r = released[i]!;
    const withheldSubject = 'subject' in r && r.subject !== f.subject;
    return { ...f, ...r, ...(withheldSubject ? { ref: WITHHELD_KEY } : {}) };
  });
}

/** The fields an edit may change, in the order a history lists them. */
const FRICTION_EDIT_FIELDS = ['owner', 'decision', 'status', 'reviewDate', 'note'] as const;

export const frictionOperations = {
  /**
   * A friction's history: every edit of its owner, decision, status, review date and note, who
   * made it and when, oldest first. A friction the checks find but nobody has edited yet has an
   * empty history; a reference the register does not know is not found.
   */
  frictionHistory: defineOperation({
    summary:
      "A friction's history: every edit of its owner, decision, status, review date and note, who and when.",
    input: z.object({ ref: frictionRefInput }),
    async run(ctx, { ref }): Promise<{ ref: string; history: FrictionHistoryEntry[] }> {
      const history = await readFrictionHistory(ctx.store.db, ref);
      const current = await currentFrictions(ctx);
      if (!history.length && !current.frictions.some((f) => f.ref === ref))
        throw new TandemError(
          'not-found',
          `no friction ${ref} in the register: see \`tandem frictions list\``,
        );
      // The notes and owners it kept name what the register withholds from this reader, and
      // so does who wrote them: the analyst's name says which office follows the case.
      const released = await releaseActorNames(ctx, history, undefined, 'friction-history', current.keep);
      return {
        ref,
        history: released.map((h, i) =>
          JSON.stringify(h.changes) === JSON.stringify(history[i]!.changes) ? h : { ...h, by: WITHHELD_KEY },
        ),
      };
    },
  }),
  /**
   * The friction register: the frictions the plan check finds in the newest stored plan of each
   * mission and those the analysis finds (high violence against civilians where no political
   * process is active), each with what was decided about it (owner, decision, status, review
   * date, who decided), and the registered ones the checks no longer find.
   */
  listFrictions: defineOperation({
    summary:
      'The friction register: frictions found by the plan check and the analysis, with owner and decision.',
    input: z.object({ country: z.string().min(1).optional(), lang: languageInput }),
    async run(ctx, input): Promise<{ frictions: Friction[]; notes?: string[] }> {
      const { frictions, notes, keep } = await currentFrictions(ctx, input.country, input.lang);
      const released = { frictions: await releasedFrictions(ctx, frictions, keep) };
      return notes.length ? { ...released, notes } : released;
    },
  }),

  /**
   * Records who owns a friction and what was decided (accept, mitigate, escalate), its status and
   * review date. The decision is taken in the signed-in account's name, and every edit goes into
   * the audit chain. A field left out is kept; an empty owner or note, and a null (or empty)
   * decision or review date, clear it: a decision withdrawn no longer names who took it.
   */
  editFriction: defineOperation({
    writes: true,
    summary:
      'Set a friction’s owner, decision, status or review date (decided by the signed-in account; audited).',
    input: frictionEditInput,
    async run(ctx, input): Promise<Friction> {
      const current = await currentFrictions(ctx);
      const same = current.frictions.filter((x) => x.ref === input.ref);
      // Never one edit for two frictions: the second would be overwritten with the first's fields.
      if (same.length > 1)
        throw new TandemError(
          'conflict',
          `friction ${input.ref} names ${same.length} frictions (${same.map((x) => `${x.country}, ${x.subject}`).join('; ')}); edit it from \`tandem frictions list --json\` once they differ`,
        );
      const f = same[0];
      if (!f) throw new TandemError('not-found', `no friction ${input.ref}: see \`tandem frictions list\``);
      const { ref: _ref, lang: _lang, expectedUpdatedAt, ...changes } = input;
      // Two people deciding at once: the second would overwrite the first without either knowing.
      if (expectedUpdatedAt !== undefined && expectedUpdatedAt !== f.updatedAt)
        throw new TandemError(
          'conflict',
          `friction ${f.ref} was changed by ${f.updatedBy} at ${f.updatedAt?.slice(0, 16).replace('T', ' ')} UTC since you read it: nothing was saved; read it again and decide on what it now says`,
        );
      // A note or owner as shown to someone who may not read all it names carries "(withheld)":
      // saved back, it would erase the names for everyone.
      for (const k of ['note', 'owner'] as const)
        if (changes[k]?.includes(WITHHELD_KEY) && !f[k].includes(WITHHELD_KEY))
          throw new TandemError(
            'forbidden',
            `${k}: the ${k} you were shown withholds names you may not read, and saving it would erase them for everyone: leave the ${k} as it is, or ask someone who may read it to change it`,
          );
      const now = new Date().toISOString();
      const changedDecision = input.decision !== undefined && input.decision !== f.decision;
      // A decision taken names who took it and when; one withdrawn (null) names nobody.
      const decided = changedDecision && input.decision !== null;
      const withdrawn = changedDecision && input.decision === null;
      const next: Friction = {
        ...f,
        ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
        registered: true,
        decidedBy: decided ? ctx.requester.name : withdrawn ? null : f.decidedBy,
        decidedAt: decided ? now : withdrawn ? null : f.decidedAt,
        updatedBy: ctx.requester.name,
        updatedAt: now,
      };
      const { found, ...row } = next;
      await ctx.store.db.transaction().execute(async (trx) => {
        await saveFriction(trx, row, {
          fields: (Object.keys(changes) as FrictionEditField[]).filter((k) => changes[k] !== undefined),
          decision: changedDecision,
        });
        await appendAudit(
          trx,
          [
            {
              actor: ctx.requester.name,
              action: decided ? 'friction-decided' : 'friction-edited',
              recordKind: 'friction',
              recordId: f.ref,
              sensitivity: 'internal',
              detail: {
                kind: f.kind,
                subject: f.subject,
                fields: Object.keys(changes),
                // What changed from what to what, for the friction's history (frictionHistory).
                changes: FRICTION_EDIT_FIELDS.flatMap((k) =>
                  changes[k] !== undefined && changes[k] !== (f[k] ?? null)
                    ? [{ field: k, from: f[k] ?? null, to: changes[k] }]
                    : [],
                ),
              },
            },
          ],
          { inTransaction: true },
        );
      });
      // Answered as the register is read: a note may name what this editor may not read.
      const [answer] = await releasedFrictions(ctx, [{ ...next, found }], current.keep);
      return answer!;
    },
  }),
};
