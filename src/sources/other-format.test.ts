import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { otherFormatOf, unstructuredTextOf } from './other-format.ts';

const DATA = new URL('../../../shared/data/', import.meta.url).pathname;
const sample = (path: string) => readFileSync(`${DATA}${path}`, 'utf8');
const noSamples = existsSync(DATA) ? false : `the samples are not at ${DATA}`;

test('the samples given where YAML or JSON is expected are named for what they are', {
  skip: noSamples,
}, () => {
  assert.equal(otherFormatOf(sample('acled/acled_south_sudan_2011-2015.csv')), 'a CSV file');
  assert.equal(otherFormatOf(sample('ucdp-ged/GEDEvent_v23_1_CAR.csv')), 'a CSV file');
  assert.equal(otherFormatOf(sample('pax/pax_local_v8_1.csv')), 'a CSV file');
  assert.equal(unstructuredTextOf(sample('agreements/ssd_rarcss_2018.txt')), 'plain text');
  assert.equal(otherFormatOf(sample('boundaries/ne10m_admin1_sds.geojson')), undefined, 'JSON is read');
});

test('other formats are recognised from their first bytes or their first line', () => {
  assert.equal(otherFormatOf('%PDF-1.7\n...'), 'a PDF file');
  assert.equal(otherFormatOf('PK\u0003\u0004[Content_Types].xml'), 'a Word, Excel or other zipped file');
  assert.equal(otherFormatOf('<!DOCTYPE html><html>'), 'an HTML or XML file');
  assert.equal(otherFormatOf('date\tcountry\tkilled\n2021-01-01\tMali\t3\n'), 'a tab-separated file');
  assert.equal(otherFormatOf('\uFEFFdate;country;killed\n'), 'a CSV file (separated by semicolons)');
});

test('a YAML or JSON document with mistakes is not taken for another format', () => {
  for (const text of [
    'mission: UNSMO, the mission\ncountry: Orvania\n  bad: indent\n',
    '- id: a, b, c\n- id: d\n',
    '{"mission": "UNSMO", "country": "Orvania",\n "strategies": [}\n',
    '# a plan, for the mission, drafted\nmission: UNSMO\n',
    '---\nmission: x\n',
  ]) {
    assert.equal(otherFormatOf(text), undefined, text);
    assert.equal(unstructuredTextOf(text), undefined, text);
  }
  const json = JSON.stringify({ mission: 'UNSMO', strategies: [{ id: 's1', objectives: [] }] }, null, 2);
  assert.equal(unstructuredTextOf(`${json.slice(0, -3)}\n`), undefined, 'a truncated JSON file');
});
