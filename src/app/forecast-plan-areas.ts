import type { AreaOfResponsibility, Plan } from '../domain/plan.ts';
import { TandemError } from '../domain/tandem-error.ts';
import type { Store } from '../store/store.ts';
import { storedCountry } from './country-input.ts';
import type { ForecastInput } from './forecast-operations.ts';
import { knownAdmin1Areas, knownSpelling } from './incident-area.ts';
import { storedMissionName } from './mission-name.ts';
import { parsePlanInput } from './plan-operations.ts';

/**
 * The areas of responsibility to forecast: those of the plan given, or of the newest stored
 * version of the mission's plan; none when neither is asked for. The plan must be for the country
 * (under any of its names: a French plan's "République centrafricaine" is the Central African
 * Republic). Each area is taken under the spelling the country's data or boundaries know
 * (knownSpelling: case, accents, hyphens, a word such as Prefecture), as the plan check takes it;
 * an area they do not know cannot be counted, and is named in `notes` instead of being dropped
 * without a word.
 */
export async function plannedAreasOfResponsibility(
  store: Store,
  input: Pick<ForecastInput, 'country' | 'plan' | 'planName' | 'mission'>,
): Promise<{ aors: AreaOfResponsibility[]; notes: string[] }> {
  if (input.plan !== undefined && input.mission !== undefined)
    throw new TandemError('bad-input', 'give a plan or a mission, not both', {
      details: { field: 'mission' },
    });
  let plan: Plan;
  let field: string;
  if (input.plan !== undefined) {
    plan = parsePlanInput({ plan: input.plan, name: input.planName }).plan;
    field = 'plan';
  } else if (input.mission !== undefined) {
    const stored = await store.db
      .selectFrom('plan_versions')
      .select(['source_text', 'file_name'])
      .where('mission', '=', await storedMissionName(store.db, input.mission))
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!stored) throw await noStoredPlan(store, input.mission);
    plan = parsePlanInput({ plan: stored.source_text, name: stored.file_name }).plan;
    field = 'mission';
  } else return { aors: [], notes: [] };
  if (plan.country !== input.country && (await storedCountry(store, plan.country)) !== input.country)
    throw new TandemError(
      'bad-input',
      `the plan of ${plan.mission} is for ${plan.country}, not ${input.country}`,
      { details: { field } },
    );
  return spelledAsKnown(store, input.country, plan.areasOfResponsibility);
}

/** The areas of responsibility with their areas under the data's spellings, and those unknown. */
async function spelledAsKnown(
  store: Store,
  country: string,
  aors: readonly AreaOfResponsibility[],
): Promise<{ aors: AreaOfResponsibility[]; notes: string[] }> {
  if (!aors.length) return { aors: [], notes: [] };
  const admin1 = await knownAdmin1Areas(store.db, country);
  const admin2 = new Map<string, string[]>();
  for (const r of await store.db
    .selectFrom('area_month_counts')
    .select(['admin1', 'admin2'])
    .distinct()
    .where('country', '=', country)
    .where('admin2', '<>', '')
    .execute()) {
    const list = admin2.get(r.admin1) ?? [];
    list.push(r.admin2);
    admin2.set(r.admin1, list);
  }
  const notes: string[] = [];
  const spelled = aors.map((a) => {
    const province = (name: string) => {
      const known = knownSpelling(name, admin1);
      if (!admin1.includes(known))
        notes.push(
          `area of responsibility ${a.name}: "${name}" is no admin-1 area of ${country} in the event data or the loaded boundaries; it is not counted`,
        );
      return known;
    };
    return {
      ...a,
      areas: a.areas.map(province),
      admin2: a.admin2.map((d) => {
        const parent = knownSpelling(d.admin1, admin1);
        const within = admin2.get(parent) ?? [];
        const known = knownSpelling(d.admin2, within);
        if (!within.includes(known))
          notes.push(
            `area of responsibility ${a.name}: "${d.admin2}" (${d.admin1}) is no admin-2 area of ${country} with events; it is not counted`,
          );
        return { admin1: parent, admin2: known };
      }),
    };
  });
  return { aors: spelled, notes: [...new Set(notes)] };
}

/** A mission with no stored plan, refused with the missions that have one (never the store's path). */
async function noStoredPlan(store: Store, mission: string): Promise<TandemError> {
  const rows = await store.db.selectFrom('plan_versions').select('mission').distinct().execute();
  const held = rows.map((r) => r.mission).sort();
  const known = held.length
    ? `; missions with a stored plan: ${held.join(', ')}`
    : '; no plan is stored yet (tandem plan import)';
  return new TandemError('not-found', `no stored plan for mission "${mission}"${known}`, {
    details: { field: 'mission' },
  });
}
