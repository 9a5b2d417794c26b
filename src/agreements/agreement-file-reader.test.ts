import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import JSZip from 'jszip';
import { guessTitle, readAgreementBytes } from './agreement-file-reader.ts';

const TEXT = 'Accord de cessez-le-feu\n\nArticle 1\nLes Parties protègent les civils.\n';

describe('a UTF-16 text file with a byte-order mark', () => {
  test('little-endian reads as text', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    const source = await readAgreementBytes(bytes, 'accord.txt');
    assert.match(source.text, /Les Parties protègent les civils\./);
    assert.equal(source.title, 'Accord de cessez-le-feu');
  });

  test('big-endian reads as text', async () => {
    const le = Buffer.from(TEXT, 'utf16le');
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) {
      be[i] = le[i + 1]!;
      be[i + 1] = le[i]!;
    }
    const source = await readAgreementBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'accord.txt');
    assert.match(source.text, /Les Parties protègent les civils\./);
  });

  test('binary content without a byte-order mark is still refused', async () => {
    await assert.rejects(
      readAgreementBytes(Buffer.from([0x41, 0, 0x42, 0, 1, 2, 3]), 'x.txt'),
      /binary content/,
    );
  });
});

/** A minimal .docx whose body is the XML given. */
async function docx(body: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('a .docx with manual line breaks', () => {
  test('<w:br/> and <w:cr/> read as line breaks, not glued words', async () => {
    const bytes = await docx(
      '<w:p><w:r><w:t>AGREEMENT</w:t></w:r></w:p><w:p><w:r><w:t>Article 1</w:t></w:r></w:p>' +
        '<w:p><w:r><w:t>Internally</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>displaced persons shall be allowed to return.</w:t></w:r></w:p>' +
        '<w:p><w:r><w:t>Article 2</w:t></w:r></w:p>' +
        '<w:p><w:r><w:t>Sexual</w:t></w:r><w:r><w:cr/></w:r><w:r><w:t>violence is prohibited.</w:t></w:r><w:r><w:br w:type="page"/></w:r><w:r><w:t>Children</w:t></w:r></w:p>',
    );
    const { text, format } = await readAgreementBytes(bytes, 'agreement.docx');
    assert.equal(format, 'docx');
    assert.doesNotMatch(text, /Internallydisplaced|Sexualviolence|prohibited\.Children/);
    assert.match(text, /Internally\s+displaced persons/);
    assert.match(text, /Sexual\s+violence/);
  });
});

test('a PDF whose metadata title is only the file name it was printed from is titled from its text', () => {
  const text = 'ACCORD DE CESSEZ-LE-FEU\nEntre les parties\n1. Les parties cessent les hostilités.';
  assert.equal(guessTitle(text, 'fr_accord.html', '/tmp/fr_accord.pdf'), 'ACCORD DE CESSEZ-LE-FEU');
  assert.equal(guessTitle(text, 'file:///tmp/fr_accord.html', '/tmp/x.pdf'), 'ACCORD DE CESSEZ-LE-FEU');
  assert.equal(guessTitle(text, 'about:blank', '/tmp/x.pdf'), 'ACCORD DE CESSEZ-LE-FEU');
  assert.equal(guessTitle(text, 'Microsoft Word - accord_v3.docx', '/tmp/x.pdf'), 'ACCORD DE CESSEZ-LE-FEU');
  assert.equal(
    guessTitle(text, 'Agreement on the Cessation of Hostilities', '/tmp/x.pdf'),
    'Agreement on the Cessation of Hostilities',
  );
});

test('a web page, an RTF document and a text of blanks are refused with what to do, not reviewed as text', async () => {
  const { readAgreementBytes } = await import('./agreement-file-reader.ts');
  const refusal = async (bytes: string, name: string) => {
    try {
      await readAgreementBytes(Buffer.from(bytes), name);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error(`${name}: not refused`);
  };
  assert.match(
    await refusal(
      '<!DOCTYPE html><html><body><p>The Parties shall protect civilians.</p></body></html>',
      'a.txt',
    ),
    /^a\.txt: a web page \(HTML\), which is not read; save it as PDF/,
  );
  assert.match(await refusal('<p>protect civilians</p>', 'agreement.htm'), /a web page \(HTML\)/);
  assert.match(
    await refusal('{\\rtf1\\ansi The Parties shall protect civilians.}', 'agreement.rtf'),
    /^agreement\.rtf: an RTF document, which is not read; save it as Word \(\.docx\), PDF or plain text$/,
  );
  assert.equal(await refusal('   \n\n  ', 'blank.txt'), 'blank.txt: no text found');
});

test('a Windows-1252 text keeps its curly apostrophes, dashes and euro sign', async () => {
  // "L’État garantit – sans délai – 5 €." as Word saves it on Western Windows: ’ 0x92, – 0x96, € 0x80.
  const bytes = Buffer.from([
    ...Buffer.from('Accord\n\nL', 'latin1'),
    0x92,
    ...Buffer.from('\xc9tat garantit ', 'latin1'),
    0x96,
    ...Buffer.from(' sans d\xe9lai ', 'latin1'),
    0x96,
    ...Buffer.from(' 5 ', 'latin1'),
    0x80,
    ...Buffer.from('.\n', 'latin1'),
  ]);
  const source = await readAgreementBytes(bytes, 'accord.txt');
  assert.match(source.text, /L’État garantit – sans délai – 5 €\./);
});

test('an event table saved under a .txt name is refused as a table, and prose full of commas is not', async () => {
  const table = [
    'event_id_cnty,event_date,event_type,actor1,country,admin1,notes,fatalities',
    'SSD1,2014-01-02,Battles,Army,South Sudan,Jonglei,"Clashes at Bor, with shelling, and looting.",12',
    'SSD2,2014-01-03,Violence against civilians,Militia,South Sudan,Unity,"Villagers killed, houses burnt.",4',
    'SSD3,2014-01-04,Battles,Army,South Sudan,Upper Nile,Fighting near Malakal.,7',
  ].join('\n');
  await assert.rejects(
    readAgreementBytes(Buffer.from(table), 'events.txt'),
    (e: Error & { code?: string }) =>
      e.code === 'unknown-format' &&
      /events\.txt: a table \(lines of 8 columns separated by ","\)/.test(e.message),
  );
  const prose = [
    'Agreement on the Cessation of Hostilities',
    'The Parties, namely the Government, the Movement, and the Alliance, agree as follows:',
    '1. The Parties shall cease all hostilities, attacks, shelling, and movements of forces.',
    '2. The Parties shall protect civilians, women, children, the elderly, and the displaced, and allow access.',
    '3. Detainees, prisoners of war, and abductees shall be released, in safety, and with dignity.',
  ].join('\n');
  const read = await readAgreementBytes(Buffer.from(prose), 'accord.txt');
  assert.match(read.text, /cease all hostilities/);
});

/** A one-page PDF whose text layer holds `lines` (Helvetica, one line each), built by hand. */
function onePagePdf(lines: string[]): Buffer {
  const shown = lines
    .map((l, i) => `BT /F1 10 Tf 40 ${760 - i * 14} Td (${l.replace(/[()\\]/g, '\\$&')}) Tj ET`)
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(shown)} >>\nstream\n${shown}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

test('a scanned PDF printed with a browser header and footer is refused as needing OCR, not reviewed (held-out probe)', async () => {
  const header = onePagePdf(['12/6/26, 9:56 PM', 'file:///home/analyst/scan.html', '1/1']);
  await assert.rejects(readAgreementBytes(header, 'scan.pdf'), (e: Error) => {
    assert.match(e.message, /^scan\.pdf: only 1 word of text on 1 page: a scanned PDF needs OCR first$/);
    return true;
  });
  // A page of text reads.
  const text = onePagePdf([
    'CEASEFIRE AGREEMENT',
    'Article 1. The Parties shall cease all hostilities and protect civilians at all times.',
  ]);
  const source = await readAgreementBytes(text, 'ceasefire.pdf');
  assert.match(source.text, /protect civilians at all times/);
});
