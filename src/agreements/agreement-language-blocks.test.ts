import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { languageBlocks } from './agreement-language-blocks.ts';
import { reviewAgreement } from './agreement-review.ts';

// A draft written for this test, in French and in English, in the style of a francophone accord.
const FR = `ACCORD DE CESSATION DES HOSTILITÉS AU KANEMBOU

Préambule

Le Gouvernement de la République du Kanembou et le Mouvement pour la justice, ci-après dénommés « les Parties », conviennent de ce qui suit :

TITRE I – DISPOSITIONS GÉNÉRALES

Article 1er – Cessation des hostilités
Les Parties s’engagent à observer une cessation immédiate des hostilités sur l’ensemble du territoire.

Article 2 – Protection des civils
Les Parties s’engagent à protéger les populations civiles et à s’abstenir de toute attaque contre les écoles et les hôpitaux.

TITRE II – QUESTIONS HUMANITAIRES

Article 3 – Enfants
Les Parties libèrent tous les enfants associés aux forces et groupes armés et cessent tout recrutement de mineurs.

Article 4 – Réfugiés
Le Gouvernement facilite le retour volontaire des réfugiés et des personnes déplacées dans leurs localités d’origine.

Fait à Tombouré, le 12 mars 2025.`;

const EN = `ENGLISH VERSION

AGREEMENT ON THE CESSATION OF HOSTILITIES IN KANEMBOU

The Government of the Republic of Kanembou and the Movement for Justice, hereinafter "the Parties", have agreed as follows:

CHAPTER 1: GENERAL PROVISIONS

1.1 Cessation of hostilities. The Parties undertake to observe an immediate cessation of hostilities throughout the territory.

1.2 Protection of civilians. The Parties undertake to protect the civilian population and to refrain from any attack against schools and hospitals.

CHAPTER 2: HUMANITARIAN MATTERS

2.1 Children. The Parties shall release all children associated with armed forces and groups and shall end all recruitment of minors.

2.2 Refugees. The Government shall facilitate the voluntary return of refugees and displaced persons to their places of origin.

Done at Tombouré on 12 March 2025.`;

describe('a text in two languages', () => {
  test('French then English: each version is segmented and coded in its own language', () => {
    const text = `${FR}\n\n\n${EN}`;
    const review = reviewAgreement({ title: 'Accord', format: 'txt', text });
    assert.equal(review.language, 'fr', 'the language field stays the first version’s');
    assert.deepEqual(review.languages, ['fr', 'en']);
    const en = review.provisions.filter((p) => (p as { language?: string }).language === 'en');
    const fr = review.provisions.filter((p) => (p as { language?: string }).language === 'fr');
    assert.ok(
      fr.some((p) => p.id === 'titre-i/art-2'),
      'the French version keeps the ids it has alone',
    );
    // The English version does not nest under the last French title, and its heading is its title.
    assert.ok(
      en.every((p) => p.id.startsWith('en/')),
      en.map((p) => p.id).join(' '),
    );
    assert.ok(!en.some((p) => p.id.includes('titre-ii')));
    assert.equal(en[0].kind, 'title');
    assert.equal(en[0].heading, 'AGREEMENT ON THE CESSATION OF HOSTILITIES IN KANEMBOU');
    const codes = (id: string) =>
      new Set(review.provisions.find((p) => p.id === id)?.codes.map((c) => c.code));
    assert.ok(codes('en/ch-1/1.1').has('Ce'));
    assert.ok(codes('en/ch-1/1.2').has('ProtCiv'));
    assert.ok(codes('en/ch-2/2.1').has('GCh'));
    assert.ok(codes('en/ch-2/2.2').has('GRef'));
    assert.ok(codes('titre-ii/art-3').has('GCh'));
    // Every span still points into the whole text.
    for (const p of review.provisions) {
      assert.equal(text.slice(p.start, p.end), p.text);
      for (const c of p.codes) assert.equal(text.slice(c.span.start, c.span.end), c.span.text);
    }
    assert.ok(review.notes.some((n) => /plusieurs langues/.test(n)));
  });

  test('English then French: the French version is coded with the French rules', () => {
    const review = reviewAgreement({
      title: 'Agreement',
      format: 'txt',
      text: `${EN.replace('ENGLISH VERSION\n\n', '')}\n\nVERSION FRANÇAISE\n\n${FR}`,
    });
    assert.equal(review.language, 'en');
    assert.deepEqual(review.languages, ['en', 'fr']);
    const art3 = review.provisions.find((p) => p.id === 'fr/titre-ii/art-3');
    assert.ok(art3, review.provisions.map((p) => p.id).join(' '));
    assert.ok(art3.codes.some((c) => c.code === 'GCh'));
    assert.equal(
      review.provisions.find((p) => p.id === 'fr/title')?.heading,
      'ACCORD DE CESSATION DES HOSTILITÉS AU KANEMBOU',
    );
  });

  test('a text in one language is one block, with the language field as before', () => {
    for (const text of [FR, EN]) {
      assert.equal(languageBlocks(text).layout, 'single');
      const review = reviewAgreement({ title: 't', format: 'txt', text });
      assert.deepEqual(review.languages, [review.language]);
      assert.ok(review.provisions.every((p) => !('language' in p)));
    }
    // A French text quoting an English name or two is still French.
    const quoted = `${FR}\n\nThe "Movement for Justice" of the Republic is a party to this.`;
    assert.equal(languageBlocks(quoted).layout, 'single');
  });

  test('two columns side by side, or paragraphs alternating, are said to be mixed and coded in one language', () => {
    const fr = FR.split('\n').filter(Boolean);
    const en = EN.split('\n').filter(Boolean);
    const side = fr.map((l, i) => `${l.padEnd(110)}   ${en[i] ?? ''}`).join('\n');
    const across = reviewAgreement({ title: 'Accord', format: 'pdf', text: side });
    assert.deepEqual(across.languages, ['fr', 'en']);
    assert.match(across.warning ?? '', /deux colonnes|two columns/);
    const alternating = fr.flatMap((l, i) => [l, en[i] ?? '']).join('\n');
    const mixed = reviewAgreement({ title: 'Accord', format: 'txt', text: alternating });
    assert.equal(mixed.languages.length, 2);
    assert.match(mixed.warning ?? '', /deux colonnes|two columns/);
  });
});
