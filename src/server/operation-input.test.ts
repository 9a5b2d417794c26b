import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { parseOperationInput } from '../app/run-operation.ts';
import { isTandemError } from '../domain/tandem-error.ts';
import { inputJsonSchema } from './openapi-document.ts';
import { queryToInput } from './operation-input.ts';

const schema = z.object({
  country: z.string().optional(),
  limit: z.number().int().optional(),
  save: z.boolean().optional(),
  violenceTypes: z.array(z.enum(['battles', 'riots'])).optional(),
});

test('query strings become the numbers, booleans and lists the operation expects', () => {
  const q = new URLSearchParams(
    'country=South%20Sudan&limit=25&save=true&violenceTypes=battles&violenceTypes=riots',
  );
  assert.deepEqual(queryToInput(inputJsonSchema(schema), q), {
    country: 'South Sudan',
    limit: 25,
    save: true,
    violenceTypes: ['battles', 'riots'],
  });
  const commas = new URLSearchParams('violenceTypes=battles,riots');
  assert.deepEqual(queryToInput(inputJsonSchema(schema), commas), { violenceTypes: ['battles', 'riots'] });
});

test('a value that is not a number stays text, so validation names the field', () => {
  const input = queryToInput(inputJsonSchema(schema), new URLSearchParams('limit=many'));
  assert.throws(
    () => parseOperationInput(schema, input, { name: 'query' }),
    (e) => isTandemError(e) && e.code === 'bad-input' && /limit/.test(e.message),
  );
});
