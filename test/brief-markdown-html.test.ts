import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { openStore } from '../src/store/store.ts';

/** The Markdown brief of a store of three ACLED rows whose militia is named `name`. */
async function briefNaming(name: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-md-'));
  const store = await openStore({ dbPath: join(dir, 'tandem.db') });
  try {
    const ctx = { via: 'cli' as const, name: 'test', requester: { name: 'a', roles: ['admin'] }, store };
    const [header, row] = readFileSync(
      new URL('./fixtures/good/acled-new-format.csv', import.meta.url),
      'utf8',
    )
      .split('\n')
      .filter(Boolean);
    const rows = Array.from({ length: 3 }, (_, i) =>
      row!
        .replace('TSN1', `MD${i}`)
        .replace('2023-05-01', `2023-05-0${i + 1}`)
        .replaceAll('Hill Militia (Testland)', name),
    );
    writeFileSync(join(dir, 'x.csv'), [header, ...rows].join('\n'));
    await runOperation(operations.importFiles, { paths: [join(dir, 'x.csv')] }, ctx);
    return (await runOperation(operations.brief, { country: 'Testland', format: 'md' }, ctx)).content;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A security probe: an actor named `<svg/onload=alert(3)>` went into the Markdown brief as it was,
 * and ran as script in a Markdown viewer that renders HTML (the HTML brief escaped it).
 */
test('a name from the data that reads as an HTML tag is written so that no Markdown viewer runs it', async () => {
  const content = await briefNaming('<svg/onload=alert(3)>');
  assert.match(content, /\\<svg\/onload=alert\(3\)>/, 'the name is there, written as text');
  assert.doesNotMatch(content, /(^|[^\\])<svg/m);
});

// The exports probe: an actor named with Markdown's own marks kept them live in a table cell, a
// link to another site among them.
test('a name from the data with Markdown emphasis or a link shows as written in the Markdown brief', async () => {
  const content = await briefNaming('Militia **bold** [link](http://evil.example)');
  assert.match(content, /Militia \\\*\\\*bold\\\*\\\* \\\[link\\\]\(http:\/\/evil\.example\)/);
  assert.doesNotMatch(content, /[^\\]\[link\]\(/);
});
