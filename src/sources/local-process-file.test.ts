import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { localProcessJsonSchema, readLocalProcessFile } from './local-process-file.ts';
import { InvalidDocumentError } from './structured-document.ts';

describe('the local-process file', () => {
  it('publishes the same JSON Schema as the reader enforces (regenerate from localProcessJsonSchema())', () => {
    const published = JSON.parse(
      readFileSync(new URL('../../schema/local-processes.schema.json', import.meta.url), 'utf8'),
    );
    assert.deepEqual(published, localProcessJsonSchema());
  });

  it('reads a mission file, taking admin-1 as given where the file gives it', () => {
    const text = readFileSync(
      new URL('../../test/fixtures/local/mission-local-processes.yaml', import.meta.url),
      'utf8',
    );
    const [lake, hill] = readLocalProcessFile(text, 'mission.yaml');
    assert.deepEqual(
      [lake!.id, lake!.admin1, lake!.admin1Source, lake!.meetings.length],
      ['lakeside-grazing', 'Lakeside', 'source', 2],
    );
    assert.deepEqual([hill!.admin1Source, hill!.status, hill!.nationalLink], ['none', 'holding', 'direct']);
  });

  it('reads a status written in French (signé, en négociation, rompu), and refuses another word', () => {
    const file = (status: string) =>
      `processes:\n  - { id: a, name: A, date: 2021-01-01, country: X, latitude: 1, longitude: 1, status: ${status} }\n`;
    const statuses = ['Signé', 'en négociation', 'rompue', 'en vigueur'].map(
      (w) => readLocalProcessFile(file(w), 'fr.yaml')[0]!.status,
    );
    assert.deepEqual(statuses, ['signed', 'negotiating', 'broken', 'holding']);
    assert.throws(
      () => readLocalProcessFile(file('suspendu'), 'fr.yaml'),
      (e: unknown) => e instanceof InvalidDocumentError && /fr\.yaml:2:.*status.*"suspendu"/.test(e.message),
    );
  });

  it('refuses duplicate ids and PA-X Local ids, each with its line', () => {
    const text = [
      'processes:',
      '  - { id: a, name: A, date: 2021-01-01, country: X, latitude: 1, longitude: 1 }',
      '  - { id: a, name: B, date: 2021-01-02, country: X, latitude: 1, longitude: 1 }',
    ].join('\n');
    assert.throws(
      () => readLocalProcessFile(text, 'dup.yaml'),
      (e: unknown) =>
        e instanceof InvalidDocumentError && /dup\.yaml:3:.*duplicate process id "a"/.test(e.message),
    );
    assert.throws(
      () => readLocalProcessFile(text.replace('id: a, name: A', 'id: "pax-local:1", name: A'), 'pax.yaml'),
      (e: unknown) => e instanceof InvalidDocumentError && /kept for PA-X Local/.test(e.message),
    );
  });

  it('reports a repeated id with the file’s other problems, at once (probe)', () => {
    const text = [
      'processes:',
      '  - { id: a, name: A, date: 2021-01-01, country: X, latitude: 95, longitude: 1 }',
      '  - { id: a, name: B, date: 2021-01-02, country: X, latitude: 1, longitude: 1 }',
    ].join('\n');
    assert.throws(
      () => readLocalProcessFile(text, 'both.yaml'),
      (e: unknown) =>
        e instanceof InvalidDocumentError &&
        e.problems.length === 2 &&
        /both\.yaml:2:.*latitude/.test(e.message) &&
        /both\.yaml:3:.*duplicate process id "a"/.test(e.message),
    );
  });

  it('takes a sensitivity (public unless given), and refuses one that is not a level, with its line', () => {
    const text = [
      'processes:',
      '  - { id: a, name: A, date: 2021-01-01, country: X, latitude: 1, longitude: 1 }',
      '  - { id: b, name: B, date: 2021-01-02, country: X, latitude: 1, longitude: 1, sensitivity: restricted }',
    ].join('\n');
    assert.deepEqual(
      readLocalProcessFile(text, 'levels.yaml').map((p) => p.sensitivity),
      ['public', 'restricted'],
    );
    assert.throws(
      () => readLocalProcessFile(text.replace('restricted', 'secret'), 'levels.yaml'),
      (e: unknown) =>
        e instanceof InvalidDocumentError &&
        /levels\.yaml:3:.*sensitivity/.test(e.message) &&
        /strictly-confidential/.test(e.message),
    );
  });
});

describe('a misspelt field of a local-process file', () => {
  it('is refused at its line, at any depth, never dropped', () => {
    const text = [
      'processes:',
      '  - id: lake',
      '    name: Lake dialogue',
      '    date: 2026-01-02',
      '    country: Testland',
      '    latitude: 1.5',
      '    longitude: 30.2',
      '    plaec: Lakeside',
      '    meetings:',
      '      - { id: m1, date: 2026-01-05, venue: school }',
    ].join('\n');
    assert.throws(
      () => readLocalProcessFile(text, 'lake.yaml'),
      (e: unknown) =>
        e instanceof InvalidDocumentError &&
        JSON.stringify(e.problems.map((p) => [p.line, p.path])) ===
          JSON.stringify([
            [8, 'processes[0].plaec'],
            [10, 'processes[0].meetings[0].venue'],
          ]),
    );
  });
});
