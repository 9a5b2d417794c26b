import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readAgreementFile } from '../src/agreements/agreement-file-reader.ts';
import { reviewAgreement } from '../src/agreements/agreement-review.ts';
import { agreementOperations } from '../src/app/agreement-operations.ts';
import type { AppContext } from '../src/app/operation.ts';
import { POC_CATEGORIES } from '../src/domain/provision.ts';
import { isTandemError } from '../src/domain/tandem-error.ts';
import { DIALECTS } from './dialects.ts';
import { runCli } from './run-cli.ts';
import { sharedData } from './shared-data.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/agreements/', import.meta.url));
const PDF = join(FIXTURES, 'hyphenated.pdf');
const DOCX = join(FIXTURES, 'testland.docx');
const MINSK = sharedData('agreements/ukr_minsk_memorandum_2014.txt');
const requester = { name: 'tester', roles: ['admin'] };
const doc = (path: string) => ({ name: path, base64: readFileSync(path).toString('base64') });

const scratch = mkdtempSync(join(tmpdir(), 'tandem-agreements-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('reading agreement files', () => {
  test('a PDF with hard line breaks, hyphenation and page numbers reads as clean provisions', async () => {
    const source = await readAgreementFile(PDF);
    assert.equal(source.format, 'pdf');
    assert.equal(source.title, 'Agreement on the Protection of Civilians in Testland');
    assert.match(
      source.text,
      /complete ceasefire covering the whole territory and all forces under their command and control\./,
    );
    assert.match(source.text, /internally displaced persons may return/);
    assert.doesNotMatch(source.text, /- 1 -|- 2 -/);
    const review = reviewAgreement(source);
    const numbers = review.provisions.map((p) => p.number).filter(Boolean);
    assert.deepEqual(numbers, ['Article 1', '1', '2', 'Article 2', '(a)', '(b)']);
    for (const c of ['Ce', 'ProtCiv', 'GRef', 'SexViol'] as const) assert.equal(review.coverage[c], true, c);
  });

  test('a Word document reads with its chapter, article, clauses, items and annex table rows', async () => {
    const source = await readAgreementFile(DOCX);
    assert.equal(source.format, 'docx');
    const review = reviewAgreement(source);
    const byNumber = new Map(review.provisions.map((p) => [p.number, p]));
    assert.equal(byNumber.get('Chapter I')?.kind, 'chapter');
    assert.equal(byNumber.get('1.1')?.parentId, byNumber.get('Article 1')?.id);
    assert.equal(byNumber.get('(a)')?.parentId, byNumber.get('1.2')?.id);
    const annex = byNumber.get('Annex A')!;
    const rows = review.provisions.filter((p) => p.parentId === annex.id);
    assert.equal(rows.length, 2);
    assert.ok(
      rows[1].codes.some((c) => c.code === 'DevHum'),
      'the matrix row on humanitarian corridors is coded',
    );
    assert.equal(review.coverage.GCh, true);
    assert.equal(review.coverage.ProtCiv, false);
  });

  test('missing, binary and misnamed files are refused as unreadable, naming the file', async () => {
    const binary = join(scratch, 'photo.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3]));
    const fake = join(scratch, 'fake.pdf');
    writeFileSync(fake, 'just some words, not a PDF');
    for (const path of [join(scratch, 'missing.txt'), binary, fake]) {
      await assert.rejects(
        readAgreementFile(path),
        (e) => isTandemError(e) && e.code === 'unreadable-file' && e.message.startsWith(path),
      );
    }
  });
});

describe('reviewing the Minsk memorandum (shared sample)', () => {
  test('finds the cease-fire, the OSCE mission and the weapons withdrawal, and lists the rest as gaps', {
    skip: MINSK.skip,
  }, async () => {
    const source = await readAgreementFile(MINSK.path);
    const review = reviewAgreement(source);
    assert.deepEqual(
      POC_CATEGORIES.filter((c) => review.coverage[c]),
      ['Ce', 'ImPK', 'SsrDdr'],
    );
    const sexViol = review.gaps.find((g) => g.code === 'SexViol')!;
    assert.ok(sexViol.engage.some((a) => /Sexual Violence in Conflict/.test(a)));
    const ce = review.provisions.find((p) => p.number === '1')!;
    assert.equal(ce.codes[0].code, 'Ce');
    assert.equal(source.text.slice(ce.codes[0].span.start, ce.codes[0].span.end), 'cease-fire');
  });
});

describe('the agreement commands', () => {
  test('review of a missing or binary file exits 2 with the path and no stack trace', async () => {
    const binary = join(scratch, 'blob.bin');
    writeFileSync(binary, Buffer.alloc(64, 0));
    for (const path of [join(scratch, 'nope.txt'), binary]) {
      const r = await runCli(['agreement', 'review', path, '--json', '--no-precedents']);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, new RegExp(path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      assert.doesNotMatch(r.stderr, /\n\s+at /);
      assert.equal(r.stdout, '');
    }
  });

  test('a language warning reaches standard error with --json too, as the docs say', async () => {
    const path = join(scratch, 'english.txt');
    writeFileSync(
      path,
      'AGREEMENT\n\nArticle 1\nThe Parties shall cease all hostilities and protect civilians throughout the territory.\n',
    );
    const r = await runCli(['agreement', 'review', path, '--json', '--lang', 'fr', '--no-precedents']);
    assert.equal(r.code, 0, r.stderr);
    // The warning is written in the language asked for.
    assert.match(JSON.parse(r.stdout).warning, /semble rédigé en anglais/);
    assert.match(r.stderr, /^warning: .*semble rédigé en anglais/m);
  });

  test('review --json prints the contract shape; --format html writes a page', {
    skip: MINSK.skip,
  }, async () => {
    const r = await runCli(['agreement', 'review', MINSK.path, '--json', '--no-precedents']);
    assert.equal(r.code, 0, r.stderr);
    const d = JSON.parse(r.stdout);
    assert.equal(d.title, 'Memorandum of 19 September 2014');
    for (const c of POC_CATEGORIES) assert.equal(typeof d.coverage[c], 'boolean');
    for (const k of ['id', 'heading', 'text', 'start', 'end', 'codes']) assert.ok(k in d.provisions[0], k);
    for (const k of ['code', 'why', 'engage', 'suggestion']) assert.ok(k in d.gaps[0], k);
    const out = join(scratch, 'minsk.html');
    const h = await runCli([
      'agreement',
      'review',
      MINSK.path,
      '--format',
      'html',
      '--out',
      out,
      '--no-precedents',
    ]);
    assert.equal(h.code, 0, h.stderr);
  });
});

for (const dialect of DIALECTS) {
  describe(`the agreement corpus on ${dialect.name}`, { skip: dialect.skip }, () => {
    let ctx: AppContext;
    let drop: () => Promise<void>;
    before(async () => {
      const opened = await dialect.open();
      ctx = { store: opened.store, requester };
      drop = opened.drop;
    });
    after(async () => drop?.());

    test('imported agreements are listed, re-importing is a no-op, and their provisions become precedents for gaps', async () => {
      const first = await agreementOperations.importAgreement.run(ctx, { documents: [doc(PDF)] });
      assert.equal(first.agreements[0].status, 'imported');
      const again = await agreementOperations.importAgreement.run(ctx, { documents: [doc(PDF)] });
      assert.equal(again.agreements[0].status, 'unchanged');
      const list = await agreementOperations.listAgreements.run(ctx, {});
      assert.equal(list.length, 1);
      assert.equal(list[0].coverage?.Ce, true);
      assert.equal(list[0].coded, true);
      // The language it was coded in, kept at import, for a coded text as for an uncoded one.
      assert.equal(list[0].language, 'en');
      assert.equal(first.agreements[0].language, 'en');
      assert.equal(list[0].provisions, first.agreements[0].provisions);
      // Counted as the review counts them (its title and headings are not provisions).
      const { operativeProvisions } = await import('../src/agreements/poc-coder.ts');
      const reviewed = await agreementOperations.reviewAgreement.run(ctx, { document: doc(PDF) });
      assert.equal(list[0].provisions, operativeProvisions(reviewed.provisions).length);
      assert.ok(list[0].provisions < reviewed.provisions.length, 'the fixture has a title or headings');
      // An agreement stored before the language was kept has it found from its text.
      await ctx.store.db.updateTable('agreements').set({ language: null }).execute();
      assert.equal((await agreementOperations.listAgreements.run(ctx, {}))[0]!.language, 'en');

      const review = await agreementOperations.reviewAgreement.run(ctx, { document: doc(DOCX) });
      const gap = review.gaps.find((g) => g.code === 'ProtCiv')!;
      assert.ok(
        gap.precedents.every((p) => p.agreement === 'Agreement on the Protection of Civilians in Testland'),
      );
      assert.equal(gap.precedents[0].provisionId, 'art-1/2', 'an operative clause comes before the title');
      assert.match(gap.precedents[0].excerpt, /protect the civilian population/);
    });

    test('a text in a language Tandem cannot code is listed as not coded, never as lacking every category', async () => {
      const es = [
        'ACUERDO DE CESE AL FUEGO BILATERAL Y TEMPORAL',
        'Artículo 1. Las Partes se comprometen a cesar todas las acciones ofensivas contra la población civil.',
        'Artículo 2. Las Partes garantizarán el retorno seguro de las personas desplazadas a sus hogares.',
        'Artículo 3. El mecanismo de monitoreo y verificación estará integrado por las Naciones Unidas.',
      ].join('\n');
      const imported = await agreementOperations.importAgreement.run(ctx, {
        documents: [{ name: 'cese-al-fuego.txt', text: es }],
      });
      assert.equal(imported.agreements[0].coded, false);
      assert.match(imported.agreements[0].warning ?? '', /reads as Spanish/);
      const listed = (await agreementOperations.listAgreements.run(ctx, {})).find(
        (a) => a.title === 'ACUERDO DE CESE AL FUEGO BILATERAL Y TEMPORAL',
      );
      assert.equal(listed?.coded, false);
      assert.equal(listed?.coverage, null);
      assert.equal(listed?.language, 'es');
      assert.match(listed?.warning ?? '', /nothing was coded and no gap is claimed/);
    });

    test('precedents are operative clauses: never a bare heading, never a clause that rules the topic out', async () => {
      const fr = [
        'ACCORD D’ESSAI SUR LES PRÉCÉDENTS',
        'TITRE I – CESSATION DES HOSTILITÉS',
        'Article 1 – Force internationale',
        'Le présent Accord ne prévoit pas le déploiement d’une force internationale de maintien de la paix.',
        'Article 2 – Cessez-le-feu',
        'Les Parties observent un cessez-le-feu immédiat sur l’ensemble du territoire.',
        // A definition says what a word means: never a precedent (held-out probe).
        'Article 2 bis – Définitions',
        'Aux fins du présent Accord, on entend par :',
        '1° « trêve » : la suspension de toute opération militaire offensive ;',
        'TITRE II – RETOUR',
        'Article 3 – Retour des réfugiés',
        'Les réfugiés et les personnes déplacées rentrent chez eux dans la sécurité et la dignité.',
      ].join('\n');
      const en = [
        'AGREEMENT ON PRECEDENTS FOR TESTING',
        'CHAPTER 1: GENERAL PROVISIONS',
        '1.1 International force. This Agreement does not provide for the deployment of an international peacekeeping force.',
        '1.2 Cessation of hostilities. The Parties shall observe an immediate ceasefire throughout the territory.',
        '1.3 Return of refugees.',
        '(a) Refugees shall return in safety and dignity.',
        // A chapter numbered in words and a section numbered within it (held-out probe: both
        // headings were offered as precedents).
        'CHAPTER TWO: PERMANENT CEASEFIRE AND HUMANITARIAN ACCESS',
        'Section 2.1 Humanitarian access',
        'The Parties shall guarantee unimpeded access for humanitarian agencies to all populations in need.',
      ].join('\n');
      await agreementOperations.importAgreement.run(ctx, {
        documents: [
          { name: 'precedents-fr.txt', text: fr },
          { name: 'precedents-en.txt', text: en },
        ],
      });
      const review = await agreementOperations.reviewAgreement.run(ctx, {
        document: {
          name: 'dialogue.txt',
          text: 'DECLARATION\nArticle 1 – Dialogue\nThe Parties shall continue the political dialogue.',
        },
        perGap: 10,
      });
      const ours = (code: string) =>
        review.gaps
          .find((g) => g.code === code)!
          .precedents.filter((p) => /PRECEDENTS FOR TESTING|PRÉCÉDENTS/.test(p.agreement));
      for (const g of review.gaps) {
        for (const p of ours(g.code)) {
          assert.doesNotMatch(
            p.excerpt,
            /^(?:Article \d+ – [^.]*|TITRE [IV]+ – .*|CHAPTER (?:\d+|[A-Z]+): .*|Section [\d.]+ .*|[\d.]+ [^.]*\.)$/,
            `${g.code}: a bare heading`,
          );
          assert.doesNotMatch(
            p.excerpt,
            /ne prévoit pas|does not provide/,
            `${g.code}: a clause that rules it out`,
          );
        }
      }
      assert.deepEqual(ours('ImPK'), []);
      const ceasefire = ours('Ce').map((p) => p.excerpt);
      assert.ok(ceasefire.some((e) => /observent un cessez-le-feu/.test(e)));
      assert.ok(ceasefire.some((e) => /observe an immediate ceasefire/.test(e)));
      assert.ok(
        !ceasefire.some((e) => /« trêve » :|suspension de toute opération/.test(e)),
        ceasefire.join('\n'),
      );
      const refugees = ours('GRef');
      assert.ok(refugees.some((p) => p.provisionId === 'ch-1/1.3/(a)'));
      assert.ok(refugees.some((p) => /rentrent chez eux/.test(p.excerpt)));
      const access = ours('HrMob');
      assert.ok(
        access.some(
          (p) => p.provisionId === 'ch-two/sec-2.1/para1' || /guarantee unimpeded access/.test(p.excerpt),
        ),
      );
    });

    test('the same agreement from another file of it (other line breaks, spacing, hyphens) is one agreement, older ones too', async () => {
      const words = [
        'ACCORD DE TEST SUR LES DOUBLONS',
        'Article 1',
        'Les Parties observent un cessez-le-feu immédiat sur l’ensemble du territoire.',
        'Article 2',
        'Les réfugiés rentrent chez eux dans la sécurité et la dignité.',
      ];
      const first = await agreementOperations.importAgreement.run(ctx, {
        documents: [{ name: 'doublon.txt', text: words.join('\n') }],
      });
      // As a PDF gives it back: lines broken elsewhere, spaces doubled, a word hyphenated at a line end.
      const pdfLike = words
        .join('\n\n')
        .replace('immédiat sur', 'immé-\ndiat  sur')
        .replace('dans la', 'dans\nla');
      const again = await agreementOperations.importAgreement.run(ctx, {
        documents: [{ name: 'doublon.pdf.txt', text: pdfLike }],
      });
      assert.equal(again.agreements[0]!.status, 'unchanged');
      assert.equal(again.agreements[0]!.id, first.agreements[0]!.id);
      // An agreement stored before its words were keyed is found too.
      await ctx.store.db.updateTable('agreements').set({ text_key: null }).execute();
      const older = await agreementOperations.importAgreement.run(ctx, {
        documents: [{ name: 'doublon-again.txt', text: `${words.join('\n')}\n` }],
      });
      assert.equal(older.agreements[0]!.id, first.agreements[0]!.id);
      // One changed word is another agreement.
      const other = await agreementOperations.importAgreement.run(ctx, {
        documents: [{ name: 'autre.txt', text: words.join('\n').replace('immédiat', 'durable') }],
      });
      assert.equal(other.agreements[0]!.status, 'imported');
    });

    test('an import with one unreadable document writes nothing', async () => {
      const before = (await agreementOperations.listAgreements.run(ctx, {})).length;
      await assert.rejects(
        agreementOperations.importAgreement.run(ctx, {
          documents: [doc(DOCX), { name: 'broken.pdf', base64: 'bm90IGEgcGRm' }],
        }),
        (e) => isTandemError(e) && e.code === 'unreadable-file',
      );
      assert.equal((await agreementOperations.listAgreements.run(ctx, {})).length, before);
    });
  });
}
