import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dropRunningLines } from './pdf-running-lines.ts';

test('a header and a footer on most pages are dropped; numbered headings at the top of pages are not', () => {
  const page = (body: string) =>
    `DRAFT 3 – NOT FOR CIRCULATION\nProtection of civilians working group\n${body}\nPrinted 6 December`;
  const pages = [
    page('Article 1 Revenue sharing\nThe revenue shall be shared.'),
    page('Article 3 Civil service\nPosts shall be open to all.'),
    page('Article 5 Land\nLand shall be registered.'),
  ];
  const out = dropRunningLines(pages);
  assert.deepEqual(
    out.map((p) => p.split('\n')),
    [
      ['Article 1 Revenue sharing', 'The revenue shall be shared.'],
      ['Article 3 Civil service', 'Posts shall be open to all.'],
      ['Article 5 Land', 'Land shall be registered.'],
    ],
  );
  // The same words inside a page's body stay.
  const inBody = dropRunningLines(['DRAFT\nArticle 1\nA\nB\nDRAFT\nC\nD\nE', 'DRAFT\nArticle 2\nF']);
  assert.ok(inBody[0]!.split('\n').includes('DRAFT'));
  // One page: nothing to compare with.
  assert.deepEqual(dropRunningLines(['DRAFT\nArticle 1']), ['DRAFT\nArticle 1']);
});

test("a browser's print header and footer are dropped from a single page too", () => {
  const page = [
    '12/7/26, 4:34 PM ceasefire draft',
    'CEASEFIRE AGREEMENT',
    'Article 1. The Parties shall protect civilians.',
    'Article 2. A cease-fire shall enter into force at midnight.',
    'file:///tmp/cf.html 1/1',
  ].join('\n');
  const [kept] = dropRunningLines([page]);
  assert.doesNotMatch(kept!, /4:34 PM|file:/);
  assert.match(kept!, /^\nCEASEFIRE AGREEMENT\n.*midnight\.\n$/s);
});
