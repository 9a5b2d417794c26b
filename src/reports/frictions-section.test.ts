import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Friction } from '../domain/friction.ts';
import { frictionsSection } from './frictions-section.ts';

// The English brief's friction table showed the codes ("state perpetrator friction", "escalate",
// "in-progress") where the workbench and the French brief show words (a web probe).
test('the friction table names kind, decision and status in words, in English as in French', () => {
  const friction = {
    ref: 'd2df31a2',
    country: 'Testland',
    kind: 'state-perpetrator-friction',
    subject: 'a-fao-support',
    message: 'Activity a-fao-support supports the army.',
    found: true,
    registered: true,
    owner: 'Head of POC Unit',
    decision: 'escalate',
    status: 'in-progress',
    reviewDate: '2026-12-15',
    note: '',
    decidedBy: 'Pia Poc',
    decidedAt: '2026-12-07',
    updatedBy: 'Pia Poc',
    updatedAt: '2026-12-07',
  } as unknown as Friction;
  const row = (lang: 'en' | 'fr') => {
    const table = frictionsSection([friction], lang).blocks.find((b) => b.kind === 'table');
    assert.ok(table && table.kind === 'table');
    return table.rows[0]!.map(String);
  };
  const en = row('en');
  assert.ok(en.includes('support to state forces that harm civilians'), en.join(' | '));
  assert.ok(en.includes('escalate to leadership'), en.join(' | '));
  assert.ok(en.includes('in progress'), en.join(' | '));
  assert.ok(en.includes('15 Dec 2026'), en.join(' | '));
  const fr = row('fr');
  assert.ok(fr.includes('porter devant la direction'), fr.join(' | '));
});

test("a friction's note, why it was decided so, is under the table in the brief (joint-work probe)", () => {
  const base = {
    ref: 'd2df31a2',
    kind: 'state-perpetrator-friction',
    subject: 'a',
    message: 'm',
    found: true,
    status: 'open',
  };
  const noted = {
    ...base,
    note: 'Raise with the SRSG before the next support tranche.',
  } as unknown as Friction;
  const bare = { ...base, ref: 'aa11bb22', note: '  ' } as unknown as Friction;
  const texts = (lang: 'en' | 'fr') =>
    frictionsSection([noted, bare], lang).blocks.flatMap((b) => (b.kind === 'p' ? [b.text] : []));
  assert.ok(texts('en').includes('Note on d2df31a2: Raise with the SRSG before the next support tranche.'));
  assert.ok(texts('fr').includes('Note sur d2df31a2 : Raise with the SRSG before the next support tranche.'));
  assert.ok(!texts('en').some((t) => t.includes('aa11bb22')));
});
