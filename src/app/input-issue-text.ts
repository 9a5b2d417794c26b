import type { z } from 'zod';

/**
 * A zod issue in the words a user reads beside the flag or field at fault ("--limit: expected a
 * number" rather than "Invalid input: expected number, received NaN"). Messages
 * an operation's schema words itself are kept as written; only zod's defaults are reworded.
 */
export function plainIssueText(issue: z.core.$ZodIssue): string {
  const m = issue.message;
  switch (issue.code) {
    case 'invalid_type': {
      if (!m.startsWith('Invalid input')) return m;
      if (m.endsWith('received undefined')) return 'is required';
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      if (issue.expected === 'int') return `expected ${expected}, got a fraction`;
      return `expected ${expected}${typeof issue.input === 'string' ? given(issue.input) : ''}`;
    }
    case 'too_small':
    case 'too_big': {
      if (!m.startsWith('Too ')) return m;
      const small = issue.code === 'too_small';
      const bound = Number(small ? issue.minimum : issue.maximum);
      const inclusive = issue.inclusive !== false;
      if (issue.origin === 'string')
        return small && bound === 1
          ? 'must not be empty'
          : `must have ${small ? 'at least' : 'at most'} ${bound} characters`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `must have ${small ? 'at least' : 'at most'} ${bound} item${bound === 1 ? '' : 's'}`;
      if (small) return inclusive ? `must be ${bound} or more` : `must be more than ${bound}`;
      return inclusive ? `must be ${bound} or less` : `must be less than ${bound}`;
    }
    case 'invalid_value': {
      if (!m.startsWith('Invalid option') && !m.startsWith('Invalid input')) return m;
      const allowed =
        issue.values.length === 1
          ? `must be ${String(issue.values[0])}`
          : `must be one of ${issue.values.map(String).join(', ')}`;
      return `${allowed}${given(issue.input)}`;
    }
    case 'invalid_union':
      // A field that may be given in several forms (a plan as text or as an object) and was not given.
      if (issue.input === undefined) return 'is required';
      return m.startsWith('Invalid input') ? 'is not in any form this field takes' : m;
    default:
      return m;
  }
}

/** The value refused, quoted, where the parse reported it and it is short enough to read. */
function given(input: unknown): string {
  if (typeof input !== 'string' && typeof input !== 'number') return '';
  const text = String(input);
  return text.length <= 60 ? `; got ${JSON.stringify(text)}` : '';
}

const EXPECTED: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  date: 'a date',
};
