import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { NUMBERS_PER_ROW, RowUnpacker, TEXTS_PER_ROW, WORDS_PER_ROW } from '../packed-rows.ts';
import { CopyRowsEncoder, copyText } from './copy-rows-encoder.ts';

// The encoder writes bytes in place; the oracle is the plain reading of COPY's text format: each
// value through copyText, tab-joined, a line a row.
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('a\tb', 'line\nbreak', 'back\\slash', 'cr\r', 'Bangui — Ndélé', '😀 émoji'),
);
const number = fc.oneof(
  fc.constant(Number.NaN),
  fc.integer({ min: -5, max: 2_000_000_000 }),
  fc.double({ min: -180, max: 180, noNaN: true }),
);

test('the COPY encoder writes what copyText would, byte for byte', () => {
  fc.assert(
    fc.property(
      fc.array(text, { minLength: 1, maxLength: 8 }),
      fc.integer({ min: 1, max: 20 }),
      fc.infiniteStream(fc.tuple(fc.integer({ min: -1, max: 7 }), text, number)),
      (words, count, stream) => {
        const it = stream[Symbol.iterator]();
        const codes = new Int32Array(count * WORDS_PER_ROW);
        const texts: (string | null)[] = [];
        const numbers = new Float64Array(count * NUMBERS_PER_ROW);
        for (let i = 0; i < codes.length; i++) codes[i] = Math.min(it.next().value[0], words.length - 1);
        for (let i = 0; i < count * TEXTS_PER_ROW; i++) texts.push(i % 5 === 4 ? null : it.next().value[1]);
        for (let i = 0; i < numbers.length; i++) numbers[i] = it.next().value[2];
        const p = { count, words, codes, texts: texts as string[], numbers };
        const unpacker = new RowUnpacker();
        unpacker.receive(p);
        const expected: string[] = [];
        for (let i = 0; i < count; i++) {
          const values: string[] = [];
          for (let k = 0; k < WORDS_PER_ROW; k++) {
            const code = codes[i * WORDS_PER_ROW + k];
            values.push(copyText(code === -1 ? null : words[code]));
          }
          for (let k = 0; k < TEXTS_PER_ROW; k++) values.push(copyText(texts[i * TEXTS_PER_ROW + k]));
          for (let k = 0; k < NUMBERS_PER_ROW; k++) {
            const x = numbers[i * NUMBERS_PER_ROW + k];
            values.push(Number.isNaN(x) ? '\\N' : String(x));
          }
          expected.push(`${values.join('\t')}\t42\n`);
        }
        const got = new CopyRowsEncoder().encode(unpacker, p, 0, count, '\t42').toString('utf8');
        assert.equal(got, expected.join(''));
      },
    ),
    { numRuns: 300 },
  );
});
