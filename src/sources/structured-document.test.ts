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
