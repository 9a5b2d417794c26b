import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { plainIssueText } from './input-issue-text.ts';

const schema = z.object({
  limit: z.number().int().positive(),
  horizon: z.number().max(12),
  metric: z.enum(['events', 'fatalities']),
  country: z.string().min(1),
  paths: z.array(z.string()).min(1),
  origin: z.string().regex(/^\d{4}-\d{2}$/, 'expected YYYY-MM'),
});

function messages(input: unknown): Record<string, string> {
  const r = schema.safeParse(input);
  assert.equal(r.success, false);
  return Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), plainIssueText(i)]));
}

test('zod’s default messages read as plain words beside the field; a schema’s own message is kept', () => {
  assert.deepEqual(
    messages({ limit: Number('abc'), horizon: 40, metric: 'deaths', country: '', paths: [], origin: 'May' }),
    {
      limit: 'expected a number',
      horizon: 'must be 12 or less',
      metric: 'must be one of events, fatalities',
      country: 'must not be empty',
      paths: 'must have at least 1 item',
      origin: 'expected YYYY-MM',
    },
  );
  // Parsed as operations parse, with the input reported, a refused choice is quoted.
  const reported = schema.safeParse({ metric: 'deaths' }, { reportInput: true });
  assert.equal(
    plainIssueText(reported.error!.issues.find((i) => i.path[0] === 'metric')!),
    'must be one of events, fatalities; got "deaths"',
  );
  assert.deepEqual(
    messages({ limit: 0, horizon: 1, metric: 'events', country: 'X', paths: ['a'], origin: '2020-01' }),
    {
      limit: 'must be more than 0',
    },
  );
  assert.deepEqual(messages({ limit: 1.5, horizon: 1, metric: 'events', paths: ['a'], origin: '2020-01' }), {
    limit: 'expected a whole number, got a fraction',
    country: 'is required',
  });
});

test('a field taken in several forms (a plan as text or as an object) that is missing is required', () => {
  const union = z.object({ plan: z.union([z.string(), z.record(z.string(), z.unknown())]) });
  const missing = union.safeParse({}, { reportInput: true });
  assert.equal(plainIssueText(missing.error!.issues[0]!), 'is required');
  const wrong = union.safeParse({ plan: 3 }, { reportInput: true });
  assert.equal(plainIssueText(wrong.error!.issues[0]!), 'is not in any form this field takes');
});
