import { z } from 'zod';
import type { NegotiationProcess } from '../domain/negotiation.ts';
import type { Plan } from '../domain/plan.ts';
import { highestSensitivity } from '../domain/sensitivity.ts';
import { TandemError } from '../domain/tandem-error.ts';
import type { AllocationResult } from '../planning/resource-allocation.ts';
import { BRIEF_LANGUAGES } from '../reports/brief-text.ts';
import { forecastSection } from '../reports/forecast-section.ts';
import { frictionsSection } from '../reports/frictions-section.ts';
import { renderBriefHtml, renderBriefMarkdown } from '../reports/joint-brief.ts';
import { scopeProvenance } from '../store/scope-provenance.ts';
import { agreementOperations } from './agreement-operations.ts';
import { analysisOperations, analyzeInput } from './analysis-operations.ts';
import { forecastBrief, onlyCountry } from './forecast-operations.ts';
import { frictionOperations } from './friction-operations.ts';
import { languageInput } from './language-input.ts';
import { localBriefSections } from './local-brief-sections.ts';
import { storedMissionName } from './mission-name.ts';
import {
  type NegotiationCheckReport,
  negotiationOperations,
  parseProcessInput,
} from './negotiation-operations.ts';
import { recordIdNumber } from './number-input.ts';
import { type AppContext, defineOperation } from './operation.ts';
import { type PlanCheckReport, parsePlanInput, planOperations } from './plan-operations.ts';

const storedPlanInput = z.object({
  mission: z.string().min(1).optional(),
  version: recordIdNumber().optional(),
  lang: languageInput,
});

/** The newest stored version of a mission's plan (of any mission when none is named), or a given version. */
async function storedPlan(ctx: AppContext, input: z.infer<typeof storedPlanInput>) {
  let q = ctx.store.db
    .selectFrom('plan_versions')
    .select(['mission', 'version', 'file_name', 'imported_at', 'source_text'])
    .orderBy('imported_at', 'desc')
    .orderBy('version', 'desc');
  if (input.mission) q = q.where('mission', '=', await storedMissionName(ctx.store.db, input.mission));
  if (input.version) q = q.where('version', '=', input.version);
  const row = await q.limit(1).executeTakeFirst();
  if (!row) {
    throw new TandemError(
      'not-found',
      input.mission
        ? `no stored plan for mission "${input.mission}"`
        : 'no plan stored yet: import one with `tandem plan import PLAN`',
    );
  }
  return row;
}

/**
 * The newest stored version of a mission's plan (the newest of any mission when none is named),
 * with its content and the findings of checking it against the store now. The workbench's plan
 * and area pages read this; it is the stored-plan form of `tandem plan check`.
 */
export const currentPlan = defineOperation({
  summary: 'The newest stored plan version, its content, and its check against the events now.',
  input: storedPlanInput,
  async run(
    ctx,
    input,
  ): Promise<{
    mission: string;
    version: number;
    fileName: string;
    importedAt: string;
    plan: Plan;
    check: PlanCheckReport;
  }> {
    const row = await storedPlan(ctx, input);
    const { plan } = parsePlanInput({ plan: row.source_text, name: row.file_name });
    const check = await planOperations.checkPlan.run(ctx, {
      plan: row.source_text,
      name: row.file_name,
      lang: input.lang,
    });
    return {
      mission: row.mission,
      version: Number(row.version),
      fileName: row.file_name,
      importedAt: row.imported_at,
      plan,
      check,
    };
  },
});

/**
 * Where a stored plan's scarce resources would go: `tandem plan allocate` on the newest stored
 * version of a mission's plan (or the version named), for the workbench's plan page.
 */
export const currentPlanAllocation = defineOperation({
  summary: "Propose where a stored plan's scarce resources go (MIP) and explain the changes",
  input: storedPlanInput.extend({
    /** Let resources go to activities flagged state-perpetrator-friction (a decision someone takes). */
    allowFlagged: z.boolean().optional(),
  }),
  async run(ctx, input): Promise<AllocationResult & { mission: string; version: number }> {
    const row = await storedPlan(ctx, input);
    const result = await planOperations.allocatePlan.run(ctx, {
      plan: row.source_text,
      name: row.file_name,
      allowFlagged: input.allowFlagged,
      lang: input.lang,
    });
    return { mission: row.mission, version: Number(row.version), ...result };
  },
});

/**
 * The joint analysis brief as a document: the same analysis as `analyze`, with every setting it
 * takes (scope, alert threshold, shift, window, evidence per finding), rendered as HTML (the
 * workbench shows it and prints it to PDF) or Markdown, in English or French. It carries the day
 * it was produced, the sources of the events in scope (each cited as it asks) and a classification
 * marking from the most sensitive of them.
 */
export const brief = defineOperation({
  summary: 'The joint analysis brief as HTML or Markdown, for the same scope and settings as analyze.',
  input: analyzeInput.extend({
    format: z.enum(['html', 'md']).default('html'),
    lang: z.enum(BRIEF_LANGUAGES).default('en'),
    /** The workbench's address for the HTML brief's evidence links (the server gives its own); none without it. */
    workbench: z.string().url().optional(),
  }),
  async run(ctx, input): Promise<{ format: 'html' | 'md'; content: string }> {
    const { format, lang, workbench, ...settings } = input;
    // The input was parsed with analyze's own fields, so analyze runs on it as it is.
    const analysis = await analysisOperations.analyze.run(ctx, settings);
    const { frictions, notes: frictionNotes } = await frictionOperations.listFrictions.run(ctx, {
      country: settings.country,
      lang,
    });
    // A brief that names no country forecasts the store's only one, if it has only one.
    const country = input.country ?? (await onlyCountry(ctx.store));
    const forecast = country ? await forecastBrief(ctx.store, country, input.to, input.admin1) : undefined;
    const scope = await scopeProvenance(ctx.store.db, {
      country: analysis.scope.country ?? undefined,
      admin1: analysis.scope.admin1 ?? undefined,
      from: analysis.period.from,
      to: analysis.period.to,
    });
    const local = await localBriefSections(ctx, analysis.scope, lang);
    const context = {
      lang,
      producedOn: new Date().toISOString().slice(0, 10),
      workbench,
      // The most sensitive record the brief counts: an event in scope, a local process or a
      // participant of the register (whose sections count them, withheld or not).
      classification: highestSensitivity([scope.sensitivity, local.sensitivity]),
      sources: scope.sources,
      extra: [
        ...local.sections,
        ...(forecast ? [forecastSection(forecast, lang)] : []),
        frictionsSection(frictions, lang, frictionNotes),
      ],
    };
    return {
      format,
      content:
        format === 'html' ? renderBriefHtml(analysis, context) : renderBriefMarkdown(analysis, context),
    };
  },
});

/**
 * What is kept of a process: delegates' names and roles are dropped and only the counts of women,
 * men and others per delegation stay, which is all the checks need. A list of who sits at the
 * table is exactly what puts people at risk if a store leaks.
 */
function withoutNames(p: NegotiationProcess): NegotiationProcess {
  return {
    ...p,
    rounds: p.rounds.map((r) => ({
      ...r,
      delegations: Object.fromEntries(
        Object.entries(r.delegations).map(([party, d]) => [
          party,
          { women: d.women, men: d.men, other: d.other, members: [] },
        ]),
      ),
    })),
  };
}

/**
 * Keeps a negotiation process file (YAML or JSON) in the store after validating it, so that the
 * workbench can show and re-check it as events arrive. An invalid file is refused whole.
 */
export const storeNegotiation = defineOperation({
  writes: true,
  summary: 'Store a negotiation process file for the workbench (validated first).',
  input: z.object({ process: z.string().min(1), name: z.string().min(1).default('process.yaml') }),
  async run(ctx, input) {
    const process = parseProcessInput({ process: input.process, name: input.name });
    const row = await ctx.store.db
      .insertInto('negotiation_processes')
      .values({
        process: process.process,
        country: process.country,
        file_name: input.name.replace(/\.(ya?ml|json)$/i, '') + '.json',
        source_text: JSON.stringify(withoutNames(process), null, 2),
        stored_at: new Date().toISOString(),
        stored_by: ctx.requester.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return {
      id: Number(row.id),
      process: process.process,
      country: process.country,
      rounds: process.rounds.length,
    };
  },
});

/**
 * A stored negotiation process (by id, else the newest, of a country when named) with its rounds, parties and
 * delegations, and the pre-talks escalation and inclusion checks run against the events now.
 */
export const currentNegotiation = defineOperation({
  summary:
    'A stored negotiation process (the newest unless an id is given) and its checks against the events now.',
  input: z.object({
    country: z.string().min(1).optional(),
    id: recordIdNumber().optional(),
    lang: languageInput,
  }),
  async run(ctx, input) {
    let q = ctx.store.db
      .selectFrom('negotiation_processes')
      .select(['id', 'file_name', 'source_text', 'stored_at'])
      .orderBy('id', 'desc');
    if (input.country) q = q.where('country', '=', input.country);
    if (input.id) q = q.where('id', '=', input.id);
    const row = await q.limit(1).executeTakeFirst();
    if (!row) {
      throw new TandemError(
        'not-found',
        input.id
          ? `no stored negotiation process with id ${input.id}`
          : input.country
            ? `no negotiation process stored for ${input.country}`
            : 'no negotiation process stored yet',
      );
    }
    const process = parseProcessInput({ process: row.source_text, name: row.file_name });
    const check: NegotiationCheckReport = await negotiationOperations.checkNegotiation.run(ctx, {
      process: row.source_text,
      name: row.file_name,
      lang: input.lang,
    });
    return { id: Number(row.id), fileName: row.file_name, storedAt: row.stored_at, process, check };
  },
});

/**
 * Reviews an agreement already in the corpus (the newest imported when no id is given): the same
 * review as `reviewAgreement`, on the stored text, with precedents from the other agreements.
 */
export const reviewStoredAgreement = defineOperation({
  summary: 'Review an imported agreement (newest by default): coded provisions, coverage and gaps.',
  input: z.object({ id: recordIdNumber().optional() }),
  async run(ctx, input) {
    let q = ctx.store.db.selectFrom('agreements').select(['id', 'title', 'text']).orderBy('id', 'desc');
    if (input.id) q = q.where('id', '=', input.id);
    const row = await q.limit(1).executeTakeFirst();
    if (!row) {
      throw new TandemError(
        'not-found',
        input.id
          ? `no imported agreement with id ${input.id}`
          : 'no agreement imported yet: `tandem agreement import FILE`',
      );
    }
    const review = await agreementOperations.reviewAgreement.run(ctx, {
      document: { name: `${row.title}.txt`, text: row.text },
      title: row.title,
    });
    return { id: Number(row.id), ...review };
  },
});

export const workbenchOperations = {
  currentPlan,
  currentPlanAllocation,
  brief,
  storeNegotiation,
  currentNegotiation,
  reviewStoredAgreement,
};
