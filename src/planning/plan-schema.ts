import { z } from 'zod';
import { isCalendarDay } from '../domain/calendar-day.ts';
import { COMPONENTS, OFFICE_LEVELS, type Plan, POC_PHASES, STRATEGY_KINDS } from '../domain/plan.ts';
import { listValue, yesNoValue } from './plan-words.ts';

// The shape of a plan file. Lists default to empty so a plan can grow a section at a time; ids
// and the fields the checks rest on are required. Unknown fields are ignored (plans carry
// indicators, owners and notes that Tandem does not read yet).

const id = z.string().min(1, 'expected a non-empty id');
const ids = z.array(id).default([]);
const date = z
  .string()
  // `abort`: a date not written YYYY-MM-DD ("01/01/2021") is one problem, told once; zod would
  // otherwise run the calendar check on it too and say "not a real calendar day" at the same place.
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date written YYYY-MM-DD', abort: true })
  // isCalendarDay, not a bare Date round trip: 2024-13-01 is an invalid Date, which toISOString throws on.
  .refine(isCalendarDay, 'expected a real calendar day');
const text = z.string();
/** One of a fixed list, in its own words or French ones (`militaire`, `pré-emption`, `politique`). */
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(listValue, z.enum(values));
const units = z.number().nonnegative('expected a number of units, 0 or more');

/** The rules for an id, a date and a number of units, for the checks between parts (plan-cross-reference.ts). */
export { date as planDate, id as planId, units as planUnits };

const task = z.object({
  id,
  text,
  // In words too (`priority: oui`): a French plan's yes. Inside the preprocess, the default stays in
  // the published JSON Schema.
  priority: z
    .preprocess(yesNoValue, z.boolean({ error: 'expected true or false (oui or non)' }).default(false))
    .describe(
      'A priority task of the mandate: it must be served by a concept objective, a strategy objective and an activity',
    ),
});
const conceptObjective = z.object({ id, text, tasks: ids });
const strategyObjective = z.object({
  id,
  text,
  anchors: ids.describe('Ids of the mission-concept objectives this objective serves'),
  political: ids.describe('For POC objectives: ids of the political-strategy objectives they serve'),
  standalone: z
    .string()
    .min(1, 'expected a reason in words')
    .optional()
    .describe('For POC objectives with no political objective: why they stand alone'),
  supports: z
    .array(z.string())
    .default([])
    .describe(
      'What the objective supports: state-authority, security-sector, elections, dialogue, accountability, ...',
    ),
});
const strategy = z.object({
  id,
  kind: oneOf(STRATEGY_KINDS),
  objectives: z.array(strategyObjective).default([]),
});
const office = z.object({ id, level: oneOf(OFFICE_LEVELS), areas: z.array(z.string()).default([]) });
const resource = z.object({
  id,
  text: text.optional(),
  // Units are placed whole (a company, a helicopter): 2.5 was taken as 2 without a word.
  available: units.int('expected a whole number of units (a company, a helicopter)'),
  areas: z
    .array(z.string())
    .default([])
    .describe('Admin1 areas where the resource can operate at all; empty means anywhere'),
});
const activity = z.object({
  id,
  text,
  objectives: z.array(id),
  component: oneOf(COMPONENTS),
  office: id.optional(),
  tier: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'expected tier 1, 2 or 3' }).optional(),
  phase: oneOf(POC_PHASES).optional(),
  areas: z.array(z.string()).default([]),
  partners: z
    .array(z.string())
    .default([])
    .describe('Actors the activity works with, named as in the event data'),
  kind: z.string().optional(),
  supports: z
    .array(z.string())
    .default([])
    .describe('What the activity itself supports, as for objectives (state-authority, security-sector, ...)'),
  uses: z
    .record(z.string(), units)
    .default({})
    .describe('Units of each resource (by resource id) the activity uses'),
});
const member = z.object({
  component: oneOf(COMPONENTS),
  function: z.string().min(1),
  name: z.string().optional(),
});
const cell = z.object({ id, members: z.array(member) });
const priority = z.object({
  area: z.string().min(1),
  priority: z.number().positive('expected a weight above 0'),
  reason: z.string().optional(),
});

const areaOfResponsibility = z
  .object({
    id,
    name: z.string().min(1, 'expected a name'),
    areas: z.array(z.string().min(1)).default([]).describe('Whole admin1 areas, named as in the event data'),
    admin2: z
      .array(z.object({ admin1: z.string().min(1), admin2: z.string().min(1) }))
      .default([])
      .describe('Admin2 areas, each with its admin1, for an area of responsibility that splits a province'),
  })
  .refine((a) => a.areas.length + a.admin2.length > 0, {
    message: 'expected at least one admin1 area in `areas` or one admin2 area in `admin2`',
  });

export const planSchema = z.object({
  mission: z.string().min(1),
  country: z.string().min(1).describe('The country as spelled in the event data'),
  period: z.object({ from: date, to: date }),
  // prefault: its items read `priority: oui`, and zod publishes a default only as input to them.
  mandate: z.object({ resolution: z.string().optional(), tasks: z.array(task).prefault([]) }),
  concept: z.object({ vision: z.string().optional(), objectives: z.array(conceptObjective).default([]) }),
  strategies: z.array(strategy).default([]),
  offices: z.array(office).default([]),
  resources: z.array(resource).default([]),
  activities: z.array(activity).default([]),
  cells: z.array(cell).default([]),
  priorities: z
    .array(priority)
    .default([])
    .describe(
      'Optional political priority per admin1 area for `tandem plan allocate` (default: derived from political activities)',
    ),
  areasOfResponsibility: z
    .array(areaOfResponsibility)
    .default([])
    .describe(
      "Optional: the mission's areas of responsibility (sectors), each a named group of admin1 and admin2 areas; `tandem forecast --plan` forecasts each one",
    ),
});

// Keeps the schema and the domain type in step: this fails to compile if they drift apart.
const _sameShape: (p: z.output<typeof planSchema>) => Plan = (p) => p;
void _sameShape;

/** The published JSON Schema of a plan file (what `schema/plan.schema.json` holds). */
export function planJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(planSchema, { io: 'input', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  return {
    $schema: schema.$schema,
    $id: 'https://tandem.example/schema/plan.schema.json',
    title: 'Tandem mission plan',
    description:
      'A UN peace operation plan as data: mandate tasks, mission concept, POC and political strategies, offices, resources, activities, joint planning cells and areas of responsibility. See docs/plan-format.md.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}
