import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Provision } from '../domain/provision.ts';
import { normaliseAgreementText } from './agreement-text-normaliser.ts';
import { segmentProvisions } from './provision-segmenter.ts';

function segment(raw: string): { text: string; provisions: Provision[] } {
  const text = normaliseAgreementText(raw);
  return { text, provisions: segmentProvisions(text) };
}

const byNumber = (ps: Provision[], number: string) => {
  const p = ps.find((x) => x.number === number);
  assert.ok(p, `no provision numbered ${number} in ${ps.map((x) => x.number || x.id).join(', ')}`);
  return p;
};

describe('segmenting agreements into provisions', () => {
  test('every provision span points at exactly its own text, in order and without overlap', () => {
    const { text, provisions } = segment(
      'Agreement on Testland\n\nCHAPTER I: GENERAL\n\nArticle 1\nThe Parties agree.\n1. First clause.\n1.1 A sub-clause.\n(a) an item;\n(b) another item.\n',
    );
    let last = 0;
    for (const p of provisions) {
      assert.equal(text.slice(p.start, p.end), p.text);
      assert.ok(p.start >= last, `${p.id} starts before the previous provision ends`);
      last = p.end;
    }
  });

  test('chapters, articles, numbered clauses, lettered and Roman items nest under each other', () => {
    const { provisions } = segment(
      [
        'CHAPTER II: CEASEFIRE',
        'Article 5 - Obligations',
        '1. The Parties shall:',
        '(a) stop all attacks;',
        '(b) release detainees, namely:',
        '(i) children;',
        '(ii) the sick;',
        '(c) report violations.',
        '2. Nothing further.',
      ].join('\n'),
    );
    const chapter = byNumber(provisions, 'Chapter II');
    assert.equal(chapter.kind, 'chapter');
    assert.equal(chapter.heading, 'CEASEFIRE');
    const article = byNumber(provisions, 'Article 5');
    assert.equal(article.parentId, chapter.id);
    assert.equal(article.heading, 'Obligations');
    const one = byNumber(provisions, '1');
    assert.equal(one.parentId, article.id);
    const b = byNumber(provisions, '(b)');
    assert.equal(b.parentId, one.id);
    const ii = byNumber(provisions, '(ii)');
    assert.equal(ii.parentId, b.id, '(ii) belongs to (b)');
    const c = byNumber(provisions, '(c)');
    assert.equal(c.parentId, one.id, '(c) is a sibling of (b), not a child of (ii)');
    assert.equal(byNumber(provisions, '2').parentId, article.id);
  });

  test("an annex's clauses numbered after its letter (A.1, A.2, B.1) keep their numbers and ids", () => {
    const { provisions } = segment(
      [
        'ANNEX A: DETENTION',
        '',
        'A.1 All persons detained shall be treated humanely.',
        '',
        'A.2 Persons with disabilities shall receive care.',
        '',
        'ANNEX B: LAND',
        '',
        'B.1 Displaced persons shall be entitled to restitution.',
      ].join('\n'),
    );
    assert.deepEqual(
      provisions.filter((p) => p.number).map((p) => [p.id, p.number]),
      [
        ['annex-A', 'Annex A'],
        ['annex-A/A.1', 'A.1'],
        ['annex-A/A.2', 'A.2'],
        ['annex-B', 'Annex B'],
        ['annex-B/B.1', 'B.1'],
      ],
    );
  });

  test('the parties named under the title ("BETWEEN …", "AND …", "ENTRE …", "ET …") are the title’s, not headings (held-out probe)', () => {
    for (const lines of [
      [
        'COMPREHENSIVE PEACE AGREEMENT',
        'BETWEEN THE GOVERNMENT OF NORTH ALDEN',
        "AND THE ALDEN PEOPLE'S FRONT",
      ],
      [
        'ACCORD DE CESSEZ-LE-FEU',
        'ENTRE LE GOUVERNEMENT DE LA RÉPUBLIQUE DE LOMANDIE',
        'ET LA COALITION DES FORCES DU SUD (CFS)',
      ],
    ]) {
      const { provisions } = segment(
        [...lines, '', 'PREAMBLE', 'The Parties,', '', 'Article 1', 'The Parties agree.'].join('\n'),
      );
      assert.deepEqual(
        provisions.map((p) => p.kind).slice(0, 2),
        ['title', 'preamble'],
        provisions.map((p) => `${p.id} ${p.kind}`).join(', '),
      );
      assert.match(provisions[0]!.text, new RegExp(`${lines[2]!.replace(/[()]/g, '\\$&')}$`));
    }
  });

  test('a section numbered within its chapter ("Section 3.2 Inclusion") keeps its number and its own heading (held-out probe)', () => {
    const { provisions } = segment(
      [
        'CHAPTER THREE: GOVERNANCE',
        '',
        'Section 3.1 Transitional Assembly',
        'A Transitional Assembly shall be established.',
        '',
        'Section 3.2 Inclusion',
        'Not less than thirty percent of the seats shall be held by women.',
        '',
        'Article 4.1 - Scope',
        'This Article applies throughout the territory.',
      ].join('\n'),
    );
    const s32 = byNumber(provisions, 'Section 3.2');
    assert.equal(s32.id, 'ch-three/sec-3.2');
    assert.equal(s32.heading, 'Inclusion');
    assert.equal(byNumber(provisions, 'Section 3.1').heading, 'Transitional Assembly');
    const body = provisions.find((p) => p.text.startsWith('Not less than'));
    assert.equal(body?.heading, 'Inclusion');
    assert.ok(
      provisions.some((p) => p.number === 'Article 4.1'),
      provisions.map((p) => p.number).join(', '),
    );
  });

  test('(i) after (h) is the ninth letter, not a Roman one', () => {
    const letters = 'abcdefghij'.split('').map((l) => `(${l}) item ${l};`);
    const { provisions } = segment(['1. List:', ...letters].join('\n'));
    const i = provisions.find((p) => p.text.startsWith('(i)'))!;
    const j = provisions.find((p) => p.text.startsWith('(j)'))!;
    assert.equal(i.parentId, j.parentId);
    assert.equal(i.id.endsWith('(i)'), true);
  });

  test('a number alone on its line takes its heading from the next line, or its text when that is a sentence', () => {
    const { provisions } = segment(
      '1.1.\nEstablishment and Seat\n1.1.1.\nThe seat shall be the capital.\n2.\nThe cease-fire is mutual.\n3.\nNext.',
    );
    assert.equal(byNumber(provisions, '1.1').heading, 'Establishment and Seat');
    const two = byNumber(provisions, '2');
    assert.match(two.text, /cease-fire is mutual/);
    assert.notEqual(two.heading, 'The cease-fire is mutual.');
  });

  test('dotted numbers run straight into text ("7.2.4.5.United Nations") and decimals are not clauses', () => {
    const { provisions } = segment(
      '7.2.4.\nMembers\n7.2.4.5.United Nations – one representative;\nThe fund holds 1.5 million dollars.\n100 mm guns withdrawn.',
    );
    assert.match(byNumber(provisions, '7.2.4.5').text, /United Nations/);
    assert.equal(
      provisions.some((p) => p.number === '1.5' || p.number === '100'),
      false,
    );
  });

  test('Roman section numbers in capitals and an "I." misread for "l." after "k."', () => {
    const { provisions } = segment(
      'I. ESTABLISHMENT\n1.\nText.\nII.\nBASIC RIGHTS\n1.\nRights:\nj. one;\nk. two;\nI. three.\nIII. TRANSITION\n',
    );
    assert.equal(byNumber(provisions, 'II.').heading, 'BASIC RIGHTS');
    const l = provisions.find((p) => p.text.startsWith('I. three'))!;
    assert.equal(l.kind, 'item', 'the "I." after "k." is the letter l');
    assert.equal(byNumber(provisions, 'III.').kind, 'chapter');
  });

  test('annex tables become one provision per row', () => {
    const { provisions } = segment(
      'ANNEX A: IMPLEMENTATION MATRIX\nTask | Responsible | Deadline\nCanton forces | Parties | 30 days\nOpen corridors    OCHA    7 days\n',
    );
    const annex = byNumber(provisions, 'Annex A');
    assert.equal(annex.kind, 'annex');
    const rows = provisions.filter((p) => p.parentId === annex.id);
    assert.equal(rows.length, 3);
    assert.match(rows[1].text, /Canton forces/);
    assert.match(rows[2].text, /Open corridors/);
  });

  test('a table of contents and a list of acronyms are kept as front matter, and the body after them is segmented', () => {
    const { provisions } = segment(
      'TABLE OF CONTENTS\nACRONYMS\nPREAMBLE\nCHAPTER 1:\nGOVERNANCE\n1.1.\nSeat\nACRONYMS\nUN United Nations\nIDPs Internally Displaced Persons\nPREAMBLE\nWe the Parties agree;\nCHAPTER 1:\nGOVERNANCE\n1.1.\nSeat\n1.1.1.\nThe seat shall be Juba.',
    );
    const front = provisions.filter((p) => p.kind === 'front-matter');
    assert.equal(front.length, 2);
    assert.match(front[1].text, /UN United Nations/);
    assert.ok(provisions.some((p) => p.kind === 'preamble'));
    assert.match(byNumber(provisions, '1.1.1').text, /Juba/);
  });

  test('a table of contents with page numbers ends where the body repeats an entry, or at the preamble', () => {
    // The contents used to end only at an exact repeat of its first line, page number and all:
    // these swallowed the whole agreement, whose every category was then reported missing.
    const english = segment(
      'Table of Contents\nChapter I. Cessation of hostilities ........ 1\nChapter II. Protection of civilians ........ 2\nCHAPTER I. CESSATION OF HOSTILITIES\n1. The Parties shall cease all hostilities.\nCHAPTER II. PROTECTION OF CIVILIANS\n2. The Parties shall protect civilians at all times.\n',
    ).provisions;
    assert.equal(english.filter((p) => p.kind === 'front-matter').length, 1);
    assert.match(byNumber(english, '2').text, /protect civilians/);
    const french = segment(
      'SOMMAIRE\nChapitre I : Dispositions générales .......... 2\nChapitre II : Protection des civils .......... 4\nPRÉAMBULE\nLes Parties, profondément préoccupées par les massacres,\nSont convenues de ce qui suit :\nCHAPITRE I : DISPOSITIONS GÉNÉRALES\nArticle premier : Objet\nLe présent Accord a pour objet la protection des populations civiles.\n',
    ).provisions;
    assert.equal(french.filter((p) => p.kind === 'front-matter').length, 1);
    assert.ok(french.some((p) => p.kind === 'preamble'));
    assert.ok(
      french.some((p) => /protection des populations civiles/.test(p.text) && p.kind !== 'front-matter'),
    );
  });

  test('unnumbered statements become one provision per paragraph, bullets one per item', () => {
    const { provisions } = segment(
      'Statement of the Group\nThe Group met today.\n• re-affirm the ceasefire;\n• ban heavy weapons near schools;\n',
    );
    assert.equal(provisions.filter((p) => p.kind === 'item').length, 2);
    assert.equal(provisions.filter((p) => p.kind === 'paragraph').length, 1);
  });
});

describe('normalising extracted text', () => {
  test('words hyphenated across a line end are joined, real hyphens are kept', () => {
    assert.equal(
      normaliseAgreementText('the protec-\ntion of civi-\nlians and cease-fire'),
      'the protection of civilians and cease-fire',
    );
  });

  test('PDF line breaks inside sentences are joined; list items and headings stay on their own lines', () => {
    const text = normaliseAgreementText(
      'Article 2\n1. The Parties shall\nprotect civilians.\n(a) children;\nPage 3 of 9\n',
      {
        reflow: true,
        dropPageNumbers: true,
      },
    );
    assert.equal(text, 'Article 2\n1. The Parties shall protect civilians.\n(a) children;');
  });

  test('French PDF furniture: "Page N sur M" and the running header beside it go, and the sentence they cut is joined', () => {
    const page = (n: number) => `\nPage ${n} sur 3\n\nAccord de cessation des hostilités\n\n`;
    const text = normaliseAgreementText(
      `Article 5 : De la libre circulation\nLes parties garantissent la libre circulation des personnes\net des biens et lèvent toutes les${page(1)}barrières illégales érigées sur les axes.\nArticle 6 : Des réfugiés\nLes parties créent les conditions du retour volontaire des${page(2)}réfugiés.${page(3)}`,
      { reflow: true },
    );
    assert.equal(
      text,
      'Article 5 : De la libre circulation\nLes parties garantissent la libre circulation des personnes et des biens et lèvent toutes les barrières illégales érigées sur les axes.\nArticle 6 : Des réfugiés\nLes parties créent les conditions du retour volontaire des réfugiés.',
    );
  });

  test('a compound keeps its own hyphen at a line end; a title in capitals wrapped over two lines is one line', () => {
    assert.equal(
      normaliseAgreementText('les ex-\ncombattants, le cessez-le-\nfeu et la protec-\ntion des civils'),
      'les ex-combattants, le cessez-le-feu et la protection des civils',
    );
    assert.equal(
      normaliseAgreementText('ARRANGEMENT SÉCURITAIRE POUR UNE CESSATION DES\nHOSTILITÉS\nArticle 1', {
        reflow: true,
      }),
      'ARRANGEMENT SÉCURITAIRE POUR UNE CESSATION DES HOSTILITÉS\nArticle 1',
    );
  });

  test('ligatures, non-breaking hyphens and stray apostrophes of Word and PDF output read as plain letters', () => {
    assert.equal(
      normaliseAgreementText('les ﬁlles, le cessez\u2011le\u2011feu et lʼaide, l´accès'),
      'les filles, le cessez-le-feu et l’aide, l’accès',
    );
  });

  test('a bullet alone on its line, as PA-X publishes texts, is an item holding the next line', () => {
    const provisions = segmentProvisions(
      'Article 8 :\nLe Comité comprend :\n-\ndeux représentants du Gouvernement ;\n-\ndeux représentants de la société civile.',
      { language: 'fr' },
    );
    const items = provisions.filter((p) => p.kind === 'item');
    assert.deepEqual(
      items.map((p) => p.text),
      ['-\ndeux représentants du Gouvernement ;', '-\ndeux représentants de la société civile.'],
    );
  });

  test('French numbering shapes: "I -", "Art 1 :", "ARTICLE 2ème", "1°)", "a/" and "b-"', () => {
    const provisions = segmentProvisions(
      "I - DES ENGAGEMENTS\nArt 1 : Les Parties observent un cessez-le-feu.\nARTICLE 2ème : Les Parties s'engagent à :\n1°) libérer les enfants ;\n2°) garantir la libre circulation :\na/ des personnes ;\nb- des biens.",
      { language: 'fr' },
    );
    assert.equal(byNumber(provisions, 'I.').kind, 'chapter');
    assert.equal(byNumber(provisions, 'Article 1').kind, 'article');
    assert.equal(byNumber(provisions, 'Article 2ème').kind, 'article');
    assert.equal(byNumber(provisions, '1°)').kind, 'item');
    assert.equal(byNumber(provisions, 'b.').parentId, byNumber(provisions, '2°)').id);
  });

  test('French articles numbered "Art. 1er.-" and "Art. 2.-" are articles', () => {
    const provisions = segmentProvisions(
      'I. DISPOSITIONS GÉNÉRALES\nArt. 1er.- Les Parties observent une cessation des hostilités.\nArt. 2.- Les Parties restent sur leurs positions.',
      { language: 'fr' },
    );
    assert.equal(byNumber(provisions, 'Article 1er').kind, 'article');
    assert.match(byNumber(provisions, 'Article 2').text, /restent sur leurs positions/);
  });

  test('French: a clause whose first line wraps onto the next is not a heading; its article’s heading stands', () => {
    const provisions = segmentProvisions(
      [
        'Article 1. Cessation des hostilités',
        '',
        '1.1 Les Parties mettent fin à toute opération militaire les unes contre les autres à compter de',
        '0 heure le lendemain de la signature du présent Accord.',
        '',
        '1.2 Les Parties s’abstiennent de tout acte de violence contre la population',
        'civile.',
        '',
        '1.3 Les Parties appliquent l’accord conclu avec le',
        'Gouvernement de la République le 3 mars.',
        '',
        'Article 2 : Retour et restitution',
        'Les Parties facilitent le retour des personnes déplacées.',
      ].join('\n'),
      { language: 'fr' },
    );
    assert.equal(byNumber(provisions, '1.1').heading, 'Cessation des hostilités');
    assert.equal(byNumber(provisions, '1.2').heading, 'Cessation des hostilités');
    assert.equal(byNumber(provisions, '1.3').heading, 'Cessation des hostilités');
    assert.equal(byNumber(provisions, 'Article 2').heading, 'Retour et restitution');
  });

  test('a numbered clause keeps the heading run into its first sentence; a list item is not a heading', () => {
    const { provisions } = segment(
      [
        'CHAPTER 1: GENERAL PROVISIONS',
        '1.1 Definitions. In this Agreement, a combatant is a member of an armed group.',
        '1.2 The Parties agree. They sign below.',
        '1.3 Return of displaced persons and refugees.',
        '(a) The Government shall facilitate their return.',
        '1.4 Ministry of Finance.',
        '1.5 Ministry of Health.',
      ].join('\n'),
    );
    assert.equal(byNumber(provisions, '1.1').heading, 'Definitions');
    assert.equal(byNumber(provisions, '1.2').heading, 'GENERAL PROVISIONS', 'a sentence is not a heading');
    assert.equal(byNumber(provisions, '1.3').heading, 'Return of displaced persons and refugees');
    assert.equal(
      byNumber(provisions, '1.4').heading,
      'GENERAL PROVISIONS',
      'an item of a list is not a heading',
    );
  });

  test('byte-order marks, Windows line ends and symbol-font bullets are normalised', () => {
    assert.equal(normaliseAgreementText('\uFEFFTitle\r\n\uF0A7\u00A0 first item\r\n'), 'Title\n• first item');
  });
});

describe('hard-wrapped and PDF text keeps its headings', () => {
  // 60 columns, as a draft saved as text or printed to PDF comes out.
  const WRAPPED = [
    'ACCORD POUR LA PAIX ET LA RÉCONCILIATION AU KANEMBOU',
    'OCCIDENTAL',
    '',
    'TITRE II – PROTECTION DES POPULATIONS',
    '',
    'Article 4 – Violences sexuelles liées aux conflits',
    'Les Parties s’engagent à prévenir et à réprimer les',
    'violences sexuelles liées aux conflits, y compris le viol,',
    'l’esclavage sexuel et le mariage forcé.',
    '',
    'Article 8 – Désarmement, démobilisation et réintégration',
    'Les combattants de la CMA-K sont cantonnés, désarmés et',
    'démobilisés dans le cadre d’un programme national.',
    'Art. 9 – Détenus et personnes privées de liberté du fait',
    'du conflit',
    'Les Parties procèdent à la libération de toutes les',
    'personnes détenues en relation avec le conflit armé.',
    '4.1 Protection of civilians and humanitarian access rights',
    'The Parties shall protect the civilian population at all',
    'times and in all places.',
  ].join('\r\n');

  test('a heading line near the line width stays a line of its own; a heading wrapped onto a lowercase line is joined', () => {
    const lines = normaliseAgreementText(WRAPPED).split('\n');
    assert.ok(lines.includes('Article 4 – Violences sexuelles liées aux conflits'), lines.join('\n'));
    assert.ok(lines.includes('Article 8 – Désarmement, démobilisation et réintégration'), lines.join('\n'));
    assert.ok(
      lines.includes('Art. 9 – Détenus et personnes privées de liberté du fait du conflit'),
      lines.join('\n'),
    );
    assert.ok(lines.includes('4.1 Protection of civilians and humanitarian access rights'), lines.join('\n'));
    assert.ok(
      lines.some((l) => l.startsWith('Les Parties s’engagent à prévenir') && l.endsWith('mariage forcé.')),
    );
  });

  test('a title in capitals wrapped onto a word or two is one title, in .txt and in PDF output', () => {
    const text = normaliseAgreementText(WRAPPED);
    assert.equal(text.split('\n')[0], 'ACCORD POUR LA PAIX ET LA RÉCONCILIATION AU KANEMBOU OCCIDENTAL');
    // A PDF's title in a larger font: short lines, the body much wider.
    const pdf = normaliseAgreementText(WRAPPED.replace(/\r\n(?=[a-zé])/g, ' '), { reflow: true });
    assert.equal(pdf.split('\n')[0], 'ACCORD POUR LA PAIX ET LA RÉCONCILIATION AU KANEMBOU OCCIDENTAL');
    const provisions = segmentProvisions(text, { language: 'fr' });
    assert.ok(!provisions.some((p) => p.id === 'occidental'));
    const ids = provisions.map((p) => `${p.id}: ${p.heading}`);
    assert.ok(ids.includes('titre-ii/art-4: Violences sexuelles liées aux conflits'), ids.join('\n'));
    assert.ok(ids.includes('titre-ii/art-8: Désarmement, démobilisation et réintégration'), ids.join('\n'));
  });

  test('an article whose first line is a sentence is still joined to its next line', () => {
    const text = normaliseAgreementText(
      'Article 3 – Les Parties s’engagent à respecter le cessez-le-\nfeu et à protéger la\nPopulation civile.\n'.repeat(
        4,
      ),
      { reflow: true },
    );
    assert.match(
      text,
      /^Article 3 – Les Parties s’engagent à respecter le cessez-le-feu et à protéger la Population civile\.$/m,
    );
  });
});

describe('structure read from Word and bilingual texts', () => {
  test('"1." right under a clause numbered "2.4" is an item of its list, and 2.4 keeps its heading', () => {
    const ps = segmentProvisions(
      'CHAPTER 2: PROTECTION\n\n2.3 Children. The Parties shall release children.\n\n2.4 Return of displaced persons and refugees.\n\n1. The Government shall facilitate return.\n\n2. Land shall be restituted.\n\n2.5 Humanitarian access. The Parties guarantee access.',
    );
    const ids = ps.map((p) => `${p.id}: ${p.heading}`);
    assert.ok(ids.includes('ch-2/2.4: Return of displaced persons and refugees'), ids.join('\n'));
    assert.ok(ids.includes('ch-2/2.4/1.: Return of displaced persons and refugees'), ids.join('\n'));
    assert.ok(ids.includes('ch-2/2.4/2.: Return of displaced persons and refugees'), ids.join('\n'));
    assert.ok(ids.includes('ch-2/2.5: Humanitarian access'), ids.join('\n'));
  });

  test('a version label ("ENGLISH VERSION") opens the title, and a title in capitals keeps its small words small', () => {
    const ps = segmentProvisions(
      'ENGLISH VERSION\n\nAGREEMENT FOR PEACE AND RECONCILIATION IN WESTERN KANEMBOU\n\nThe Parties agree.',
    );
    assert.equal(ps[0].kind, 'title');
    assert.equal(ps[0].heading, 'AGREEMENT FOR PEACE AND RECONCILIATION IN WESTERN KANEMBOU');
    const shouted = segmentProvisions(
      'Preamble\n\nThe Parties met.\n\nFRAMEWORK AGREEMENT ON THE BANGSAMORO\n\nThe Parties agree.',
    );
    assert.ok(
      shouted.some((p) => p.heading === 'Framework Agreement on the Bangsamoro'),
      shouted.map((p) => p.heading).join('\n'),
    );
  });
});

describe('where a preamble ends, and headings in sentence case', () => {
  const outline = (text: string, language?: string) =>
    segmentProvisions(text, { language }).map((p) => `${p.id}: ${p.heading}`);

  test('an article, chapter or section after a preamble stands outside it, its sentence-case heading kept', () => {
    const cases: [string, string | undefined, string[]][] = [
      [
        'Preamble\n\nRecalling the talks,\n\nARTICLE 1\n\nThe Parties agree to a ceasefire.\n\nARTICLE 2\nProtection of civilians\n\nThe Parties shall protect civilians.',
        undefined,
        ['preamble: Preamble', 'preamble/para1: Preamble', 'art-1: ', 'art-2: Protection of civilians'],
      ],
      [
        'Preamble\n\nRecalling the talks,\n\nChapter I\n\nThe Parties agree.\n\nChapter II – Protection of civilians\n\n1. The Parties shall protect civilians.',
        undefined,
        [
          'preamble: Preamble',
          'preamble/para1: Preamble',
          'ch-i: ',
          'ch-i/para2: ',
          'ch-ii: Protection of civilians',
          'ch-ii/1: Protection of civilians',
        ],
      ],
      [
        'Preamble\n\nRecalling the talks,\n\nSection 2 – Humanitarian access\n\nThe Parties shall allow aid.',
        undefined,
        [
          'preamble: Preamble',
          'preamble/para1: Preamble',
          'sec-2: Humanitarian access',
          'sec-2/para2: Humanitarian access',
        ],
      ],
      [
        'PREAMBLE\n\nRecalling the talks,\n\nII. Protection of civilians\n\nThe Parties shall protect civilians.',
        undefined,
        [
          'preamble: Preamble',
          'preamble/para1: Preamble',
          'sec-ii: Protection of civilians',
          'sec-ii/para2: Protection of civilians',
        ],
      ],
      [
        'Préambule\n\nConsidérant les pourparlers,\n\nArticle premier – Cessez-le-feu\n\nLes Parties observent un cessez-le-feu.',
        'fr',
        [
          'preamble: Préambule',
          'preamble/para1: Préambule',
          'art-premier: Cessez-le-feu',
          'art-premier/al-1: Cessez-le-feu',
        ],
      ],
      [
        'PRÉAMBULE\n\nConsidérant les pourparlers,\n\nTITRE I – DISPOSITIONS GÉNÉRALES\n\nChapitre II – Protection des civils\n\nArticle 2\n\nLes Parties protègent les civils.',
        'fr',
        [
          'preamble: Préambule',
          'preamble/para1: Préambule',
          'titre-i: DISPOSITIONS GÉNÉRALES',
          'titre-i/ch-ii: Protection des civils',
          'titre-i/ch-ii/art-2: Protection des civils',
          'titre-i/ch-ii/art-2/al-1: Protection des civils',
        ],
      ],
    ];
    for (const [text, language, want] of cases) assert.deepEqual(outline(text, language), want, text);
  });

  test('the first operative numbered clause ends the preamble; numbered recitals stay in it', () => {
    assert.deepEqual(
      outline(
        'Preamble\n\n1. Recalling the talks,\n2. Noting the report,\n\n3. Ceasefire\n\nThe Parties agree to a ceasefire.',
      ),
      ['preamble: Preamble', 'preamble/1: Preamble', 'preamble/2: Preamble', '3: Ceasefire'],
    );
    assert.deepEqual(
      outline(
        'Préambule\n\nConsidérant les pourparlers,\n\n1. Cessez-le-feu\n\n1.1 Les Parties observent un cessez-le-feu.',
        'fr',
      ),
      ['preamble: Préambule', 'preamble/para1: Préambule', '1: Cessez-le-feu', '1/1.1: Cessez-le-feu'],
    );
  });

  test('a sentence, a list item or a signatory is not taken for a heading', () => {
    const ps = outline(
      'Article 1. The Parties agree to a ceasefire\n\nArticle 2. Bodies\n\n1. Joint commission\n2. Ceasefire committee\n\nDone at Lake Tamsin.\n\nL. Kuchma\nI. Plotnitskiy (signed)',
    );
    assert.ok(ps.includes('art-1: '), ps.join('\n'));
    assert.ok(ps.includes('art-2/1: Bodies') && ps.includes('art-2/2: Bodies'), ps.join('\n'));
    assert.ok(!ps.some((p) => /^(?:sec|ch)-/.test(p)), ps.join('\n'));
  });
});
