// Held-out drafts written for these tests (fictional parties, not taken from any agreement), in
// English and French and in three heading styles, each reproducing what a probe's draft showed:
// operative articles read as part of the preamble, one-line sentence-case headings lost, and
// commitments on distinction, on hospitals and schools, and on ethnic targeting left uncoded.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readAgreementFile } from '../src/agreements/agreement-file-reader.ts';
import { codeAgreement, reviewAgreement } from '../src/agreements/agreement-review.ts';
import type { PocCategory, Provision } from '../src/domain/provision.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/agreements/', import.meta.url));

interface Draft {
  file: string;
  language: string;
  /** The operative divisions: number, heading and id each must get. */
  divisions: { number: string; heading: string; id: string }[];
  /** Provision number -> categories it must carry; `not`: categories it must not carry. */
  codes: Record<string, { has?: PocCategory[]; not?: PocCategory[] }>;
}

const DRAFTS: Draft[] = [
  {
    file: 'heldout-articles-sentence-case.en.txt',
    language: 'en',
    divisions: [
      { number: 'Article 1', heading: 'Cessation of hostilities', id: 'art-1' },
      { number: 'Article 2', heading: 'Conduct of the armed forces', id: 'art-2' },
      { number: 'Article 3', heading: 'Equality and reconstruction', id: 'art-3' },
      { number: 'Article 4', heading: 'Entry into force', id: 'art-4' },
    ],
    codes: {
      '2.1': { has: ['ProtCiv'] },
      '2.2': { has: ['ProtCiv'] },
      '2.3': { has: ['ProtGrp'] },
      // "without distinction as to ethnicity" is equality, "rebuild schools and hospitals" reconstruction.
      '3.1': { not: ['ProtCiv', 'ProtGrp'] },
      '3.2': { not: ['ProtCiv', 'ProtGrp'] },
    },
  },
  {
    file: 'heldout-numbered-headings.en.txt',
    language: 'en',
    divisions: [
      { number: '1', heading: 'Humanitarian truce', id: '1' },
      { number: '2', heading: 'Protection of civilians', id: '2' },
      { number: 'Section 3', heading: 'Final provisions', id: 'sec-3' },
    ],
    codes: {
      '2.1': { has: ['ProtCiv'] },
      '2.2': { has: ['ProtCiv'] },
      '2.3': { has: ['ProtGrp'] },
    },
  },
  {
    file: 'heldout-accord-titres.fr.txt',
    language: 'fr',
    divisions: [
      { number: '1', heading: 'Cessation des hostilités', id: '1' },
      { number: '2', heading: 'Protection des populations', id: '2' },
      { number: 'Chapitre III', heading: 'Dispositions finales', id: 'ch-iii' },
    ],
    codes: {
      '2.1': { has: ['ProtCiv'] },
      '2.2': { has: ['ProtCiv'] },
      '2.3': { has: ['ProtGrp'] },
      '2.4': { not: ['ProtCiv', 'ProtGrp'] },
    },
  },
];

const read = async (file: string) => reviewAgreement(await readAgreementFile(`${FIXTURES}${file}`));
const codesOf = (p: Provision) => new Set(p.codes.map((c) => c.code));

describe('held-out drafts: where the preamble ends', () => {
  for (const d of DRAFTS) {
    test(`${d.file}: the preamble holds its recitals only; the operative divisions stand outside it`, async () => {
      const review = await read(d.file);
      assert.equal(review.language, d.language);
      const ids = review.provisions.map((p) => `${p.id} (${p.heading})`);
      const inPreamble = review.provisions.filter((p) => p.id.startsWith('preamble/'));
      assert.deepEqual(
        inPreamble.map((p) => p.kind),
        ['paragraph'],
        `only the recitals are under the preamble:\n${ids.join('\n')}`,
      );
      for (const div of d.divisions) {
        const p = review.provisions.find((x) => x.number === div.number);
        assert.ok(p, `${div.number} in\n${ids.join('\n')}`);
        assert.equal(p.id, div.id);
        assert.equal(p.parentId, null, `${div.number} is top-level`);
      }
    });
  }
});

describe('held-out drafts: a heading on the line of its number', () => {
  for (const d of DRAFTS) {
    test(`${d.file}: each division's sentence-case heading is its heading and its clauses'`, async () => {
      const review = await read(d.file);
      for (const div of d.divisions) {
        const p = review.provisions.find((x) => x.number === div.number)!;
        assert.equal(p.heading, div.heading, div.number);
        // The heading is still text of the provision, so it is coded with it.
        assert.ok(p.text.includes(div.heading), `${div.number} keeps its heading in its text`);
        for (const child of review.provisions.filter((x) => x.parentId === p.id)) {
          assert.equal(child.heading, div.heading, `${child.id} inherits the heading`);
        }
      }
    });
  }
});

describe('held-out drafts: distinction, hospitals and schools, ethnic targeting', () => {
  for (const d of DRAFTS) {
    test(`${d.file}: each commitment gets its category, and the near misses do not`, async () => {
      const review = await read(d.file);
      for (const [number, want] of Object.entries(d.codes)) {
        const p = review.provisions.find((x) => x.number === number);
        assert.ok(p, number);
        const got = codesOf(p);
        for (const c of want.has ?? []) assert.ok(got.has(c), `${number} "${p.text}" has ${c}: ${[...got]}`);
        for (const c of want.not ?? [])
          assert.ok(!got.has(c), `${number} "${p.text}" has no ${c}: ${[...got]}`);
      }
    });
  }

  // The same commitments in other words, one sentence each, in both languages.
  const SENTENCES: { text: string; language: string; has?: PocCategory; not?: PocCategory[] }[] = [
    {
      text: 'The Parties shall at all times distinguish between civilians and combatants.',
      language: 'en',
      has: 'ProtCiv',
    },
    {
      text: 'Each Party shall respect the principle of distinction in the conduct of its operations.',
      language: 'en',
      has: 'ProtCiv',
    },
    {
      text: 'The forces shall vacate hospitals, schools and other public buildings.',
      language: 'en',
      has: 'ProtCiv',
    },
    { text: 'No school or hospital shall be used for military purposes.', language: 'en', has: 'ProtCiv' },
    { text: 'The Parties shall refrain from acts of ethnic targeting.', language: 'en', has: 'ProtGrp' },
    {
      text: 'Attacks on persons on the basis of their ethnicity are prohibited.',
      language: 'en',
      has: 'ProtGrp',
    },
    {
      text: 'Les Parties respectent la distinction entre civils et combattants.',
      language: 'fr',
      has: 'ProtCiv',
    },
    { text: 'Les forces armées évacuent les hôpitaux et les écoles.', language: 'fr', has: 'ProtCiv' },
    {
      text: "Les Parties s'engagent à ne pas occuper les hôpitaux et les écoles.",
      language: 'fr',
      has: 'ProtCiv',
    },
    { text: 'Aucune école ne sera utilisée à des fins militaires.', language: 'fr', has: 'ProtCiv' },
    { text: 'Les Parties renoncent à tout ciblage ethnique.', language: 'fr', has: 'ProtGrp' },
    {
      text: 'Sont interdites les attaques visant des personnes en raison de leur appartenance ethnique.',
      language: 'fr',
      has: 'ProtGrp',
    },
    // Near misses: equality, reconstruction, courtesy, the civil service, the care of schools.
    {
      text: 'All citizens are equal without distinction as to ethnicity, religion or sex.',
      language: 'en',
      not: ['ProtCiv', 'ProtGrp'],
    },
    {
      text: 'The Fund shall rebuild schools and hospitals in the affected districts.',
      language: 'en',
      not: ['ProtCiv'],
    },
    {
      text: 'The distinguished delegates of the combatants met the tribal elders.',
      language: 'en',
      not: ['ProtCiv', 'ProtGrp'],
    },
    {
      text: 'The dialogue shall address the root causes of violence, including religion and ethnicity in politics.',
      language: 'en',
      not: ['ProtGrp'],
    },
    {
      text: 'The Parties shall refrain from the illegal occupation of public buildings and schools.',
      language: 'en',
      not: ['ProtCiv'],
    },
    { text: 'Les combattants, sans distinction de grade, sont cantonnés.', language: 'fr', not: ['ProtCiv'] },
    {
      text: "Les autorités locales vont s'occuper des écoles et des hôpitaux du district.",
      language: 'fr',
      not: ['ProtCiv'],
    },
    {
      text: 'Les chefs religieux et les autorités coutumières participent au dialogue.',
      language: 'fr',
      not: ['ProtGrp'],
    },
  ];
  for (const s of SENTENCES) {
    test(`${s.language}: "${s.text}"`, () => {
      const got = new Set(
        codeAgreement(s.text, undefined, s.language).flatMap((p) => p.codes.map((c) => c.code)),
      );
      if (s.has) assert.ok(got.has(s.has), `${s.has}: ${[...got]}`);
      for (const c of s.not ?? []) assert.ok(!got.has(c), `no ${c}: ${[...got]}`);
    });
  }
});
