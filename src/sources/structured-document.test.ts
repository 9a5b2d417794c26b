import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InvalidDocumentError, StructuredDocument } from './structured-document.ts';

test('a value holding ": " unquoted is refused at its line, naming its key and saying to quote it', () => {
  const text =
    "occurredOn: '2023-01-01'\nperpetrator:\n  name: JNIM: Group for Support of Islam and Muslims\n";
  assert.throws(
    () => StructuredDocument.parse(text, 'incident.yaml'),
    (e: unknown) =>
      e instanceof InvalidDocumentError &&
      e.problems[0]?.line === 3 &&
      /the value of name holds ": "; put it in quotes/.test(e.message),
  );
});

test("a number, a text or a list out of bounds is said in words, not in zod's own", async () => {
  const { z } = await import('zod');
  const schema = z.object({
    killed: z.number().int().min(0),
    share: z.number().max(1),
    name: z.string().min(1),
    code: z.string().max(3),
    rounds: z.array(z.string()).min(1),
    quota: z.number().min(0, 'a quota is a share, 0 to 1'),
  });
  const doc = StructuredDocument.parse(
    'killed: -3\nshare: 2\nname: ""\ncode: ABCD\nrounds: []\nquota: -1\n',
    'x.yaml',
    'a test file',
  );
  assert.throws(
    () => doc.validate(schema),
    (e: unknown) =>
      e instanceof InvalidDocumentError &&
      JSON.stringify(e.problems.map((p) => `${p.path}: ${p.reason}`)) ===
        JSON.stringify([
          'killed: expected 0 or more, got number -3',
          'share: expected 1 or less, got number 2',
          'name: expected a text that is not empty, got the text ""',
          'code: expected 3 or less characters, got the text "ABCD"',
          'rounds: expected 1 or more items, got 0',
          // A schema's own message is kept.
          'quota: a quota is a share, 0 to 1, got number -1',
        ]),
  );
});
