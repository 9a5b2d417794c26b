import type { z } from 'zod';
import { ownValue } from '../domain/own-value.ts';

// What a file's value fails against its schema, said in words a person can act on: what was
// expected and what was found (StructuredDocument.validate locates it).

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return `${typeof v} ${String(v)}`;
}

const TYPE_WORDS: Record<string, string> = { array: 'a list', object: 'a mapping', int: 'a whole number' };

export function describeIssue(issue: z.core.$ZodIssue, actual: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (actual === undefined) return `missing required field (expected ${issue.expected})`;
      // A schema's own message says it better than zod's ("Invalid input: expected int, …").
      if (!/^Invalid input/.test(issue.message)) return `${issue.message}, got ${describeValue(actual)}`;
      return `expected ${ownValue(TYPE_WORDS, issue.expected) ?? issue.expected}, got ${describeValue(actual)}`;
    case 'invalid_value':
      if (actual === undefined) {
        return `missing required field (expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')})`;
      }
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(actual)}`;
    case 'invalid_union':
      return actual === undefined
        ? `missing required field (${issue.message})`
        : `${issue.message}, got ${describeValue(actual)}`;
    case 'too_small':
    case 'too_big': {
      // zod's own wording ("Too small: expected number to be >=0") said in words; a schema's
      // own message is kept.
      if (!/^Too (small|big):/.test(issue.message)) break;
      const small = issue.code === 'too_small';
      const bound = Number(small ? issue.minimum : issue.maximum);
      const range = small
        ? issue.inclusive
          ? `${bound} or more`
          : `more than ${bound}`
        : issue.inclusive
          ? `${bound} or less`
          : `less than ${bound}`;
      const what =
        issue.origin === 'string'
          ? small && bound === 1
            ? 'a text that is not empty'
            : `${range} characters`
          : issue.origin === 'array'
            ? `${range} items`
            : range;
      const got = Array.isArray(actual) ? `${actual.length}` : describeValue(actual);
      return `expected ${what}${actual !== undefined ? `, got ${got}` : ''}`;
    }
  }
  return `${issue.message}${actual !== undefined && typeof actual !== 'object' ? `, got ${describeValue(actual)}` : ''}`;
}
