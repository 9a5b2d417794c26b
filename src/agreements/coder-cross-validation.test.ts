import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { PocCategory } from '../domain/provision.ts';
import { rulesForLanguage } from './agreement-language.ts';
import {
  type CodedText,
  codedTexts,
  crossValidate,
  folderTexts,
  sharedTexts,
} from './coder-cross-validation.ts';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const AGREEMENTS = `${DATA}agreements`;
const PAX = `${DATA}pax/pax_all_agreements_data_v4.csv`;
const sharedMissing = !existsSync(`${AGREEMENTS}/index.csv`) || !existsSync(PAX);
/** More PA-X texts named by AgtId, when a folder of them is at hand (see docs/agreement-review.md). */
const EXTRA = process.env.TANDEM_PAX_TEXTS;

/**
 * Leave-one-agreement-out micro-F1 measured when the rules were last changed, less a margin of
 * 0.03 (one more error on the four shared texts costs about 0.03). On the shared texts: 0.93.
 */
const SHARED_CV_FLOOR = 0.9;

const text = (agtId: string, body: string, gold: PocCategory[] = []): CodedText => ({
  agtId,
  slug: agtId,
  text: body,
  gold: new Set(gold),
});

describe('leave-one-agreement-out evaluation of the coder', () => {
  const rules = rulesForLanguage('en');

  test('a narrowing written from a text is used on the others but never when that text is scored', () => {
    // The narrowing of treatment-of-detainees names PA-X 2260 as its provenance.
    const sentence =
      'The Parties shall facilitate the release and exchange of detainees, and the ICRC shall be granted access to all detained persons.\n';
    const { inSample, crossValidated } = crossValidate(
      [
        text('2260', sentence),
        text('9001', sentence),
        text('9002', 'The Parties shall observe the cease-fire.\n', ['Ce']),
      ],
      rules,
    );
    assert.equal(inSample.perCategory.HrDet.fp, 0);
    const fold = crossValidated.texts.find((t) => t.agtId === '2260');
    assert.ok(
      fold?.disagreements.some((d) => d.startsWith('FP HrDet')),
      fold?.disagreements.join('; '),
    );
    assert.ok(fold?.heldOut.includes("treatment-of-detainees's narrowing"));
    const other = crossValidated.texts.find((t) => t.agtId === '9001');
    assert.ok(!other?.disagreements.some((d) => d.startsWith('FP HrDet')));
  });

  test('folded by peace process, a narrowing written from one text is left out for every text of its process', () => {
    const sentence =
      'The Parties shall facilitate the release and exchange of detainees, and the ICRC shall be granted access to all detained persons.\n';
    const texts = [
      { ...text('2260', sentence), process: '7' },
      { ...text('9001', sentence), process: '7' },
      { ...text('9002', sentence), process: '8' },
    ];
    const fp = (by: 'agreement' | 'process', agtId: string) =>
      crossValidate(texts, rules, by)
        .crossValidated.texts.find((t) => t.agtId === agtId)
        ?.disagreements.some((d) => d.startsWith('FP HrDet'));
    assert.equal(fp('agreement', '9001'), false);
    assert.equal(fp('process', '9001'), true);
    assert.equal(fp('process', '9002'), false);
  });

  test('the gate is fitted on the other texts only: a rule wrong on two of them is off for the third', () => {
    const wrong = 'The Parties shall proceed to the demobilization of the guard.\n';
    const texts = [text('9101', wrong), text('9102', wrong), text('9103', wrong, ['SsrDdr'])];
    const { inSample, crossValidated } = crossValidate(texts, rules);
    assert.equal(inSample.perCategory.SsrDdr.fp, 2);
    // 9103's fold learns from 9101 and 9102 (two contradictions, no support): ddr is off, so 9103's
    // true DDR provision is missed. 9101's fold sees one contradiction and one support: ddr stays on.
    const third = crossValidated.texts.find((t) => t.agtId === '9103');
    assert.ok(third?.heldOut.includes('ddr (gated)'), third?.heldOut.join('; '));
    assert.ok(third?.disagreements.includes('FN SsrDdr'));
    assert.equal(crossValidated.perCategory.SsrDdr.fp, 2);
    assert.equal(crossValidated.perCategory.SsrDdr.fn, 1);
  });

  test(`on the shared PA-X texts, cross-validated micro-F1 stays at or above ${SHARED_CV_FLOOR}`, {
    skip: sharedMissing && `shared data not found at ${DATA}`,
  }, async () => {
    const texts = await codedTexts(sharedTexts(AGREEMENTS), PAX);
    assert.equal(texts.length, 4);
    const { inSample, crossValidated } = crossValidate(texts, rules);
    assert.ok(
      crossValidated.micro.f1 >= SHARED_CV_FLOOR,
      `cross-validated micro-F1 ${crossValidated.micro.f1.toFixed(3)} (P ${crossValidated.micro.precision.toFixed(2)}, R ${crossValidated.micro.recall.toFixed(2)})`,
    );
    assert.ok(
      crossValidated.micro.f1 <= inSample.micro.f1 + 1e-9,
      'held-out figures cannot beat in-sample ones',
    );
  });

  test('on the further PA-X texts of TANDEM_PAX_TEXTS, cross-validated micro-F1 stays at or above 0.84', {
    skip: !(EXTRA && existsSync(EXTRA)) && 'TANDEM_PAX_TEXTS (a folder of PA-X texts named by AgtId) not set',
  }, async () => {
    const texts = await codedTexts([...sharedTexts(AGREEMENTS), ...folderTexts(EXTRA!)], PAX);
    const { crossValidated } = crossValidate(texts, rules);
    // 0.87 measured on the 12 texts of docs/agreement-review.md, less a margin of 0.03.
    assert.ok(
      crossValidated.micro.f1 >= 0.84,
      `micro-F1 ${crossValidated.micro.f1.toFixed(3)} on ${texts.length}`,
    );
  });
});
