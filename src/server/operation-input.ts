import { decimalNumber } from '../app/number-input.ts';
import { TandemError } from '../domain/tandem-error.ts';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

/**
 * Turns URL query parameters into the object an operation expects, using the types its JSON
 * Schema names: numbers and booleans are converted, arrays take repeated or comma-separated values.
 * Names the schema does not know are passed as strings, so validation can reject them by name.
 */
export function queryToInput(schema: JsonSchema, query: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(query.keys())) {
    const values = query.getAll(key);
    const prop = schema.properties?.[key];
    const types = typesOf(prop);
    if (types.has('array')) {
      const itemTypes = typesOf(arrayItems(prop));
      out[key] = values
        .flatMap((v) => v.split(','))
        .filter((v) => v !== '')
        .map((v) => convert(v, itemTypes));
    } else if (values.length > 1) {
      // Which of two values was meant cannot be told; answering for the last would hide the other.
      throw new TandemError('bad-input', `${key}: given ${values.length} times; give it once`, {
        details: { issues: [{ path: key, message: `given ${values.length} times; give it once` }] },
      });
    } else {
      out[key] = convert(values[0]!, types);
    }
  }
  return out;
}

function typesOf(s: JsonSchema | undefined): Set<string> {
  const out = new Set<string>();
  if (!s) return out;
  if (typeof s.type === 'string') out.add(s.type);
  else if (Array.isArray(s.type)) for (const t of s.type) out.add(t);
  for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) for (const t of typesOf(alt)) out.add(t);
  return out;
}

function arrayItems(s: JsonSchema | undefined): JsonSchema | undefined {
  if (!s) return undefined;
  if (s.items) return s.items;
  for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) if (alt.items) return alt.items;
  return undefined;
}

function convert(v: string, types: Set<string>): unknown {
  // Decimal digits only, as numberInput reads them: Number() would take "0x6" for 6.
  if ((types.has('number') || types.has('integer')) && !types.has('string')) return decimalNumber(v);
  if (types.has('boolean') && !types.has('string')) {
    if (v === 'true' || v === '1') return true;
    if (v === 'false' || v === '0') return false;
  }
  return v;
}

/**
 * Refuses, by name, the fields of a request that its operation does not take: a misspelt field
 * (`blur` for `blurKm`, `countyr` for `country`) would otherwise be dropped and the request answered
 * as if it had not been asked, with every point at full precision or every country's events. Only
 * an input described as an object with known properties is checked.
 */
export function refuseUnknownFields(
  schema: JsonSchema,
  given: Iterable<string>,
  where: string,
  ignore: readonly string[] = [],
): void {
  const properties = schema.properties;
  if (!properties || schema.type !== 'object') return;
  const taken = Object.keys(properties).filter((k) => !ignore.includes(k));
  const unknown = [...new Set(given)].filter((k) => !Object.hasOwn(properties, k) || ignore.includes(k));
  if (!unknown.length) return;
  throw new TandemError(
    'bad-input',
    `${where} does not take ${unknown.join(', ')}; it takes ${taken.length ? taken.join(', ') : 'no fields'}`,
    { details: { issues: unknown.map((path) => ({ path, message: 'not a field of this request' })) } },
  );
}
