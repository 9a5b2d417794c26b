import { createHash } from 'node:crypto';
import { z } from 'zod';
import { countriesLike } from '../analysis/event-scope-check.ts';
import { findThreats } from '../analysis/threat-repository.ts';
import { storedCountryName } from '../domain/country-names.ts';
import { subjectActivity } from '../domain/friction.ts';
import type { Finding, Plan } from '../domain/plan.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { unknownPlaceNotes } from '../planning/allocation-explanation.ts';
import { ALLOCATION_TEXT } from '../planning/allocation-text.ts';
import { type AreaRanking, rankAreas, rankAreasByThreats } from '../planning/area-ranking.ts';
import { loadMitigations } from '../planning/mitigation-catalog.ts';
import { PLAN_CHECK_TEXT } from '../planning/plan-check-text.ts';
import { checkPlanAgainst } from '../planning/plan-checks.ts';
import { readPlanEvidence } from '../planning/plan-evidence-query.ts';
import { readPlan } from '../planning/plan-reader.ts';
import { planJsonSchema } from '../planning/plan-schema.ts';
import { withFrenchListWords } from '../planning/plan-words.ts';
import { type AllocationResult, allocateResources } from '../planning/resource-allocation.ts';
import {
  type DocumentProblem,
  InvalidDocumentError,
  StructuredDocument,
} from '../sources/structured-document.ts';
import { findFrictions } from '../store/friction-repository.ts';
import { hiddenEvents, namesWithheldFrom, releasePlanFindings } from './access-control.ts';
import { actorsNotInData } from './actor-suggestions.ts';
import { languageInput } from './language-input.ts';
import { storedMissionName } from './mission-name.ts';
import { defineOperation } from './operation.ts';

/** A plan as the front ends send it: the file's text (YAML or JSON), or the parsed object. */
const planInput = z.object({
  plan: z.union([z.string(), z.record(z.string(), z.unknown())]),
  /** The file name, for messages (`plan.yaml:12:5: ...`). */
  name: z.string().optional(),
});
type PlanInput = z.infer<typeof planInput>;

/**
 * Refuses a plan that cannot be read while the input is parsed, so that a bad file fails before any
 * store is opened (or created). The `invalid-file` error, with each problem's line and column, is
 * thrown through the parse as it is rather than turned into a field issue.
 */
export function readablePlan(input: PlanInput): void {
  parsePlanInput(input);
}

function planText(input: PlanInput): { text: string; name: string } {
  if (typeof input.plan === 'string') return { text: input.plan, name: input.name ?? 'plan' };
  // An object from the API is laid out as JSON so that problems still get a line to point at.
  const name = input.name ?? 'plan (JSON)';
  return { text: StructuredDocument.layOut(input.plan, name), name };
}

/** Reads and validates a plan, turning a located document problem into an `invalid-file` error. */
export function parsePlanInput(input: PlanInput): {
  plan: Plan;
  text: string;
  name: string;
  ignored: DocumentProblem[];
  /** The country as the plan writes it, where the events name it otherwise (plan.country). */
  writtenCountry: string;
} {
  try {
    const { text, name } = planText(input);
    const { plan, ignored } = readPlan(text, name);
    // The country as the events are stored under it: a French plan's "République centrafricaine"
    // or "RCA" is checked against the events of "Central African Republic" (it was checked
    // against none, exit 0, while incidents and local processes took the French name). Changed
    // in place: the reader keeps the plan's lines and columns by the plan object.
    const writtenCountry = plan.country;
    plan.country = storedCountryName(writtenCountry);
    return { plan, text, name, ignored, writtenCountry };
  } catch (e) {
    if (e instanceof InvalidDocumentError) {
      // Under --lang fr, a refused list value names the French words taken for it too.
      const fr = (input as { lang?: string }).lang === 'fr';
      const problems = fr
        ? e.problems.map((p) => ({ ...p, reason: withFrenchListWords(p.reason) }))
        : e.problems;
      const message =
        fr && problems.some((p, i) => p.reason !== e.problems[i]!.reason)
          ? new InvalidDocumentError(e.file, problems).message
          : e.message;
      throw new TandemError('invalid-file', message, { details: { file: e.file, problems } });
    }
    throw e;
  }
}

/** The SHA-256 of a plan's text: what identifies a stored version. */
export function planHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export interface PlanCheckReport {
  mission: string;
  country: string;
  period: { from: string; to: string };
  findings: Finding[];
  notes: string[];
  ranking: Pick<AreaRanking, 'measure' | 'topRule' | 'topCount'> & { top: AreaRanking['areas'] };
}

export interface PlanVersionSummary {
  mission: string;
  version: number;
  contentHash: string;
  fileName: string;
  importedAt: string;
  importedBy: string;
  acknowledgements: { by: string; role: string; at: string; recordedBy: string }[];
}

function summarise(
  row: {
    id: number;
    mission: string;
    version: number;
    content_hash: string;
    file_name: string;
    imported_at: string;
    imported_by: string;
  },
  acks: {
    plan_version_id: number;
    acknowledged_by: string;
    role: string;
    acknowledged_at: string;
    recorded_by: string;
  }[],
): PlanVersionSummary {
  return {
    mission: row.mission,
    version: Number(row.version),
    contentHash: row.content_hash,
    fileName: row.file_name,
    importedAt: row.imported_at,
    importedBy: row.imported_by,
    acknowledgements: acks
      .filter((a) => Number(a.plan_version_id) === Number(row.id))
      .map((a) => ({
        by: a.acknowledged_by,
        role: a.role,
        at: a.acknowledged_at,
        recordedBy: a.recorded_by,
      })),
  };
}

type HighsSolver = { solve(lp: string): { Status: string; Columns: Record<string, { Primal: number }> } };

// The package's types describe its CommonJS face; under ESM the loader is the default export.
async function loadHighs(): Promise<HighsSolver> {
  const mod = (await import('highs')) as unknown as { default: () => Promise<HighsSolver> };
  return mod.default();
}

/** The events that findings cite, by id. */
export function citedEvents(findings: readonly Finding[]): number[] {
  return findings.flatMap((f) => f.evidence.flatMap((e) => (e.type === 'event' ? [e.id] : [])));
}

export const planOperations = {
  /**
   * Checks a mission plan against itself and against the events in the store: anchoring of
   * objectives in the mission concept, political links of POC objectives, priority tasks with no
   * chain of objectives and activities, support to state forces where state forces harm
   * civilians, overused resources, field work cut off from the concept, planning cells that are
   * not joint, and the most violent areas with no POC activity. Each finding names its subject,
   * its evidence (plan paths and event ids) and mitigation options from data/mitigations.yaml.
   */
  checkPlan: defineOperation({
    summary: 'Check a mission plan for gaps and frictions against the evidence',
    input: planInput
      .extend({
        /** How areas are ranked for threat-coverage-gap: civilian-targeting events, or the threat register. */
        ranking: z.enum(['events', 'threats']).optional(),
        lang: languageInput,
      })
      .superRefine(readablePlan),
    async run(ctx, input): Promise<PlanCheckReport> {
      const { plan, name, ignored, writtenCountry } = parsePlanInput(input);
      // What the requester may not read in full, read once for the evidence, names and findings.
      const hidden = await hiddenEvents(ctx);
      const evidence = await readPlanEvidence(ctx.store.db, plan, hidden);
      const t = PLAN_CHECK_TEXT[input.lang ?? 'en'].notes;
      const notes: string[] = [];
      if (writtenCountry.trim() !== plan.country) notes.push(t.countryReadAs(writtenCountry, plan.country));
      if (ignored.length)
        notes.push(
          t.ignoredFields(ignored.map((f) => `${name}:${f.line}:${f.column}: ${f.path}: ${f.reason}`)),
        );
      if (input.ranking === 'threats') {
        const threats = await findThreats(ctx.store.db, { country: plan.country });
        const inPeriod = evidence.events.filter(
          (e) => e.dateStart >= plan.period.from && e.dateStart <= plan.period.to,
        );
        if (threats.some((t) => t.status !== 'dismissed'))
          evidence.ranking = rankAreasByThreats(threats, inPeriod);
        else notes.push(t.noThreats(plan.country));
      }
      if (evidence.dataAreas.length) {
        const partners = await actorsNotInData(
          ctx.store,
          plan.country,
          plan.activities.flatMap((a) => a.partners),
          await namesWithheldFrom(ctx, hidden),
        );
        if (partners.length) notes.push(t.partnersNotInData(plan.country, partners));
      }
      const result = checkPlanAgainst(plan, evidence, loadMitigations(input.lang), input.lang);
      if (!evidence.dataAreas.length) {
        const close = await countriesLike(ctx.store.db, plan.country);
        if (close.length) result.notes.unshift(t.countryMisspelt(plan.country, close));
      }
      result.notes.push(...notes);
      const { measure, topRule, topCount, areas } = result.ranking;
      return {
        mission: plan.mission,
        country: plan.country,
        period: plan.period,
        findings: await releasePlanFindings(
          ctx,
          result.findings,
          citedEvents(result.findings),
          'plan check',
          hidden,
        ),
        notes: result.notes,
        ranking: { measure, topRule, topCount, top: areas.slice(0, topCount) },
      };
    },
  }),

  /**
   * Stores a plan as a new version of its mission's plan, keyed by a SHA-256 of its text; the same
   * text imported again is recognised and not stored twice. Versions are never overwritten, so
   * acknowledgements always refer to the text that was read.
   */
  importPlan: defineOperation({
    writes: true,
    summary: 'Store a plan as a new version (versions are kept)',
    input: planInput.superRefine(readablePlan),
    async run(ctx, input) {
      const { plan, text, name } = parsePlanInput(input);
      const contentHash = planHash(text);
      const db = ctx.store.db;
      return await db.transaction().execute(async (trx) => {
        const latest = await trx
          .selectFrom('plan_versions')
          .select(['version', 'content_hash'])
          .where('mission', '=', plan.mission)
          .orderBy('version', 'desc')
          .limit(1)
          .executeTakeFirst();
        if (latest && latest.content_hash === contentHash) {
          return { mission: plan.mission, version: Number(latest.version), contentHash, unchanged: true };
        }
        const version = latest ? Number(latest.version) + 1 : 1;
        await trx
          .insertInto('plan_versions')
          .values({
            mission: plan.mission,
            version,
            content_hash: contentHash,
            file_name: name,
            source_text: text,
            plan_json: JSON.stringify(plan),
            imported_at: new Date().toISOString(),
            imported_by: ctx.requester.name,
          })
          .execute();
        return { mission: plan.mission, version, contentHash, unchanged: false };
      });
    },
  }),

  /** Lists stored plan versions, newest first per mission, with who acknowledged each. */
  listPlans: defineOperation({
    summary: 'List stored plan versions and their acknowledgements',
    input: z.object({ mission: z.string().optional() }),
    async run(ctx, input): Promise<{ plans: PlanVersionSummary[] }> {
      const db = ctx.store.db;
      let q = db
        .selectFrom('plan_versions')
        .select(['id', 'mission', 'version', 'content_hash', 'file_name', 'imported_at', 'imported_by']);
      if (input.mission) q = q.where('mission', '=', await storedMissionName(db, input.mission));
      const rows = await q.orderBy('mission').orderBy('version', 'desc').execute();
      const acks = rows.length
        ? await db
            .selectFrom('plan_acknowledgements')
            .select(['plan_version_id', 'acknowledged_by', 'role', 'acknowledged_at', 'recorded_by'])
            .where(
              'plan_version_id',
              'in',
              rows.map((r) => r.id),
            )
            .orderBy('acknowledged_at')
            .execute()
        : [];
      return { plans: rows.map((r) => summarise(r, acks)) };
    },
  }),

  /**
   * Proposes where each scarce resource should go: a 0-1 integer programme (HiGHS) maximising the
   * civilian risk covered (civilian-targeting events per admin1 in the plan period, from the
   * store) weighted by each area's political priority, under each resource's availability, and
   * explains every change against the plan's current use. Activities the plan check flags for
   * supporting state forces that harm civilians (state-perpetrator-friction) get no resource
   * unless `allowFlagged` says so; the notes name them.
   */
  allocatePlan: defineOperation({
    summary: 'Propose where scarce resources go (MIP) and explain the changes',
    input: planInput
      .extend({
        /** Let resources go to activities flagged state-perpetrator-friction (a decision someone takes). */
        allowFlagged: z.boolean().optional(),
        lang: languageInput,
      })
      .superRefine(readablePlan),
    async run(ctx, input): Promise<AllocationResult> {
      const { plan } = parsePlanInput(input);
      const lang = input.lang ?? 'en';
      const evidence = await readPlanEvidence(ctx.store.db, plan, await hiddenEvents(ctx));
      const inPeriod = evidence.events.filter(
        (e) => e.dateStart >= plan.period.from && e.dateStart <= plan.period.to,
      );
      const flagged = new Set(
        checkPlanAgainst(plan, evidence, loadMitigations())
          .findings.filter((f) => f.kind === 'state-perpetrator-friction')
          .map((f) => f.subject),
      );
      // A friction the register records as closed is leadership's decision taken: its activity
      // is no longer withheld (issue 16: never to an activity with an *open* friction).
      const closed = (await findFrictions(ctx.store.db, storedCountryName(plan.country)))
        .filter((f) => f.kind === 'state-perpetrator-friction' && f.status === 'closed')
        .map((f) => ({ ...f, subject: subjectActivity(f.subject, plan.mission) }))
        .filter((f) => flagged.has(f.subject));
      for (const f of closed) flagged.delete(f.subject);
      const highs = await loadHighs();
      const result = allocateResources(
        plan,
        rankAreas(inPeriod),
        (lp) => highs.solve(lp),
        input.allowFlagged ? new Set() : flagged,
        lang,
      );
      if (evidence.dataAreas.length)
        result.notes.unshift(...unknownPlaceNotes(plan, evidence.dataAreas, ALLOCATION_TEXT[lang]));
      if (!evidence.dataAreas.length) {
        // No event of the country at all, not a quiet period: the plan check says the same.
        const none = result.notes.indexOf(ALLOCATION_TEXT[lang].notes.noEvents);
        if (none >= 0) result.notes[none] = ALLOCATION_TEXT[lang].notes.noCountryEvents(plan.country);
        const close = await countriesLike(ctx.store.db, plan.country);
        if (close.length)
          result.notes.unshift(PLAN_CHECK_TEXT[lang].notes.countryMisspelt(plan.country, close));
      }
      if (input.allowFlagged && flagged.size)
        result.notes.push(ALLOCATION_TEXT[lang].notes.allowFlagged([...flagged]));
      for (const f of closed)
        result.notes.push(
          ALLOCATION_TEXT[lang].notes.frictionClosed(
            f.subject,
            f.ref,
            f.decision,
            f.decidedBy ?? f.updatedBy,
          ),
        );
      return result;
    },
  }),

  /** The published JSON Schema of a plan file. */
  planSchema: defineOperation({
    needs: 'none',
    summary: 'The JSON Schema of a plan file',
    input: z.object({}),
    async run() {
      return planJsonSchema();
    },
  }),
};
