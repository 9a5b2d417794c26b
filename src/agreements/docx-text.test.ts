import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import JSZip from 'jszip';
import { TandemError } from '../domain/tandem-error.ts';
import { readAgreementBytes } from './agreement-file-reader.ts';
import { reviewAgreement } from './agreement-review.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A .docx written as Word writes one: body, numbering definitions and footnotes in their own parts. */
async function docx(body: string, parts: { numbering?: string; footnotes?: string } = {}): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  const rels: string[] = [];
  if (parts.numbering) {
    zip.file(
      'word/numbering.xml',
      `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>${parts.numbering}</w:numbering>`,
    );
    rels.push(`<Relationship Id="rId2" Type="${REL}/numbering" Target="numbering.xml"/>`);
  }
  if (parts.footnotes) {
    zip.file(
      'word/footnotes.xml',
      `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${W}>${parts.footnotes}</w:footnotes>`,
    );
    rels.push(`<Relationship Id="rId3" Type="${REL}/footnotes" Target="footnotes.xml"/>`);
  }
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

const p = (text: string, pPr = '') =>
  `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const listed = (text: string, numId: number, ilvl = 0) =>
  p(text, `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);
const cell = (text: string) => `<w:tc>${p(text)}</w:tc>`;
const row = (...cells: string[]) => `<w:tr>${cells.map(cell).join('')}</w:tr>`;

/** Two lists: "1." with "a)" under it, and a second list restarted at 1 by its own w:num. */
const NUMBERING =
  '<w:abstractNum w:abstractNumId="0">' +
  '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>' +
  '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>' +
  '</w:abstractNum>' +
  '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uF0B7"/></w:lvl></w:abstractNum>' +
  '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
  '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>' +
  '<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>';

const FOOTNOTES =
  '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>' +
  '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Au sens de la quatrième Convention de Genève relative à la protection des personnes civiles en temps de guerre.</w:t></w:r></w:p></w:footnote>';

const ACCORD = [
  p('ACCORD DE PAIX AU KANEMBOU'),
  p('Article 3 – Protection des civils'),
  `<w:p><w:r><w:t xml:space="preserve">Les Parties s’engagent à respecter le droit international humanitaire.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>`,
  p('Article 6 – Retour des personnes déplacées'),
  listed('Le Gouvernement facilite le retour volontaire des personnes déplacées internes :', 1),
  listed('dans la sécurité ;', 1, 1),
  listed('dans la dignité.', 1, 1),
  listed('Les biens occupés illégalement sont restitués à leurs propriétaires.', 1),
  p('Article 7 – Accès humanitaire'),
  p('Les Parties garantissent l’accès humanitaire.'),
  `<w:tbl>${row('Mesure', 'Délai', 'Responsable')}${row('Ouverture des couloirs humanitaires', 'J+15', 'Comité de suivi')}</w:tbl>`,
  p('Article 8 – Détenus'),
  listed('Les détenus sont libérés.', 2),
  listed('Le CICR a accès aux lieux de détention.', 3),
].join('');

describe('a Word agreement keeps its structure', () => {
  test("Word's automatic list numbers are read as text: 1., a), a list restarted by its own numbering, bullets", async () => {
    const { text } = await readAgreementBytes(await docx(ACCORD, { numbering: NUMBERING }), 'accord.docx');
    assert.match(text, /^1\. Le Gouvernement facilite/m);
    assert.match(text, /^a\) dans la sécurité ;$/m);
    assert.match(text, /^b\) dans la dignité\.$/m);
    assert.match(text, /^2\. Les biens occupés/m);
    assert.match(text, /^1\. Les détenus sont libérés\.$/m, 'the second list starts again at 1');
    assert.match(text, /^• Le CICR a accès/m);
    const review = reviewAgreement({ title: 'Accord', format: 'docx', text }, { language: 'fr' });
    const ids = review.provisions.map((x) => x.id);
    assert.ok(ids.includes('art-6/1'), ids.join(' '));
    assert.ok(ids.includes('art-6/1/a)') || ids.includes('art-6/1/(a)'), ids.join(' '));
    assert.ok(ids.includes('art-6/2'), ids.join(' '));
    assert.ok(!ids.some((id) => /\/al-\d+$/.test(id) && id.startsWith('art-6')), ids.join(' '));
  });

  test('a table row is one line, its cells joined with " | ", under its article', async () => {
    const { text } = await readAgreementBytes(await docx(ACCORD, { numbering: NUMBERING }), 'accord.docx');
    assert.match(text, /^Mesure \| Délai \| Responsable$/m);
    assert.match(text, /^Ouverture des couloirs humanitaires \| J\+15 \| Comité de suivi$/m);
    const review = reviewAgreement({ title: 'Accord', format: 'docx', text }, { language: 'fr' });
    assert.ok(!review.provisions.some((x) => x.text.trim() === 'J+15' || x.text.trim() === 'Délai'));
    const row = review.provisions.find((x) => x.text.startsWith('Ouverture des couloirs'));
    assert.ok(row?.id.startsWith('art-7/'), row?.id);
  });

  test('a footnote is kept, in a Notes section after the text, its reference left where it was', async () => {
    const { text } = await readAgreementBytes(
      await docx(ACCORD, { numbering: NUMBERING, footnotes: FOOTNOTES }),
      'accord.docx',
    );
    assert.match(text, /droit international humanitaire\.\[1\]/);
    assert.match(text, /\nNotes\n\n\[1\] Au sens de la quatrième Convention de Genève/);
    const review = reviewAgreement({ title: 'Accord', format: 'docx', text }, { language: 'fr' });
    const ids = review.provisions.map((x) => x.id);
    assert.ok(ids.includes('notes/note-1'), ids.join(' '));
    assert.ok(ids.includes('art-8/1'), 'the note does not shift the numbering of the text');
    const note = review.provisions.find((x) => x.id === 'notes/note-1')!;
    assert.match(note.text, /Convention de Genève/);
    assert.equal(note.heading, 'Notes');
  });
});

describe('a Word file that unpacks to far more than it weighs', () => {
  test('is refused as too large, quickly and without unpacking it whole', async () => {
    // 8 MB of one-word paragraphs in a file of a few kilobytes: mammoth would hold it as a tree
    // of gigabytes (an attack probe's 122 kB file took the server down).
    const stored = await docx('<w:p><w:r><w:t>a</w:t></w:r></w:p>'.repeat(240_000));
    const bomb = await (await JSZip.loadAsync(stored)).generateAsync({
      type: 'nodebuffer',
      compression: 'DEFLATE',
    });
    assert.ok(bomb.length < 200_000, `${bomb.length} bytes`);
    const start = performance.now();
    await assert.rejects(
      readAgreementBytes(bomb, 'bomb.docx'),
      (e: unknown) =>
        e instanceof TandemError &&
        e.code === 'too-large' &&
        /bomb\.docx: its document parts unpack to more than 6 MB/.test(e.message),
    );
    assert.ok(performance.now() - start < 5000);
  });
});
