import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { InvalidDocumentError } from '../sources/structured-document.ts';
import { ignoredProcessFields, readNegotiationProcess } from './negotiation-process.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/negotiations/${name}`, import.meta.url), 'utf8');

const refused = (text: string, name = 'talks.yaml') => {
  try {
    readNegotiationProcess(text, name);
  } catch (e) {
    assert.ok(e instanceof InvalidDocumentError, String(e));
    return e.problems;
  }
  assert.fail(`${name} accepted`);
};

describe('a process file with problems of several kinds', () => {
  it('reports the shape problems and the ties between parts together, in file order', () => {
    const name = 'shape-and-reference.yaml';
    const problems = refused(fixture(name), name);
    assert.deepEqual(
      problems.map((p) => [p.line, p.path]),
      [
        [14, 'rounds[0].delegations.GOV.women'],
        [15, 'rounds[0].delegations.REB'],
        [16, 'rounds[1].start'],
        [20, 'rounds[2].id'],
        [22, 'rounds[2].end'],
      ],
    );
    const reasons = problems.map((p) => p.reason);
    assert.match(reasons[0]!, /expected number, got the text "three"/);
    assert.equal(reasons[1], 'unknown party "REB": expected one of GOV, IO');
    assert.match(reasons[2]!, /missing required field/);
    assert.equal(reasons[3], 'duplicate round id "R1" (rounds[0] has it): expected each round id once');
    assert.equal(reasons[4], 'the round ends (2024-05-02) before it starts (2024-05-10)');
  });

  it('leaves a delegation unmatched when a party has no readable id (it could be the one meant)', () => {
    const problems = refused(`process: T
country: Testland
parties:
  - { id: GOV, name: Government }
  - { name: Rebels }
rounds:
  - { id: R1, start: 2024-07-01, end: 2024-07-03, delegations: { REB: { women: 1, men: 2 } } }
`);
    assert.deepEqual(
      problems.map((p) => p.path),
      ['parties[1].id'],
    );
  });

  it('still checks the rounds when the parties are not a list, but matches no delegation', () => {
    const problems = refused(`process: T
country: Testland
parties: GOV
rounds:
  - { id: R1, start: 2024-07-03, end: 2024-07-01, delegations: { REB: { women: 1, men: 2 } } }
`);
    assert.deepEqual(
      problems.map((p) => p.path),
      ['parties', 'rounds[0].end'],
    );
  });

  it('names a party id used twice with the first that has it', () => {
    const problems = refused(`process: T
country: Testland
parties:
  - { id: GOV, name: Government }
  - { id: GOV, name: Government again }
rounds: []
`);
    assert.deepEqual(
      problems.map((p) => [p.path, p.line, p.reason]),
      [['parties[1].id', 5, 'duplicate party id "GOV" (parties[0] has it): expected each party id once']],
    );
  });
});

describe('a day that is not on the calendar', () => {
  it('is a problem of its field, not an internal error', () => {
    const text = fixture('shape-and-reference.yaml').replace('start: 2024-03-01', 'start: 2024-13-01');
    const problems = refused(text);
    const start = problems.find((p) => p.path === 'rounds[0].start');
    assert.equal(start?.line, 11);
    assert.match(start?.reason ?? '', /expected a real calendar day/);
  });
});

describe('delegation members in French', () => {
  it('counts "femme", "homme" and "autre" as a francophone mission writes them; refuses other words', () => {
    const talks = (gender: string) => `process: Pourparlers de Bamako
country: Mali
parties:
  - { id: GOV, name: Gouvernement }
rounds:
  - id: R1
    start: 2024-07-01
    end: 2024-07-03
    delegations:
      GOV: { members: [{ name: A, gender: Femme }, { name: B, gender: ${gender} }, { name: C, gender: autre }] }
`;
    const p = readNegotiationProcess(talks('homme'), 'pourparlers.yaml');
    assert.deepEqual((({ women, men, other }) => ({ women, men, other }))(p.rounds[0]!.delegations.GOV!), {
      women: 1,
      men: 1,
      other: 1,
    });
    const problems = refused(talks('monsieur'), 'pourparlers.yaml');
    assert.match(problems[0]!.reason, /expected one of "woman", "man", "other", got the text "monsieur"/);
  });

  it('reads the counts, members and quota of a francophone file (femmes, hommes, autres, membres, nom, genre)', () => {
    const p = readNegotiationProcess(
      `process: Pourparlers de Bamako
country: Mali
parties:
  - { id: GOV, name: Gouvernement }
  - { id: CMA, name: Coordination }
rounds:
  - id: R1
    start: 2024-07-01
    end: 2024-07-03
    delegations:
      GOV: { femmes: 2, hommes: 7, autres: 1 }
      CMA: { membres: [{ nom: A, genre: femme, rôle: porte-parole }, { nom: B, genre: homme }] }
quota: { femmes: 0.3 }
`,
      'pourparlers.yaml',
    );
    const [gov, cma] = [p.rounds[0]!.delegations.GOV!, p.rounds[0]!.delegations.CMA!];
    assert.deepEqual([gov.women, gov.men, gov.other], [2, 7, 1]);
    assert.deepEqual([cma.women, cma.men, cma.members[0]?.role], [1, 1, 'porte-parole']);
    assert.equal(p.quota.women, 0.3);
    assert.deepEqual(ignoredProcessFields(p), [], 'no French field is taken for a misspelt one');
  });
});

describe('the country of a process', () => {
  it('is stored as the events are: a French or short name of a country the table knows is its ACLED name', () => {
    const text = (country: string) =>
      `process: Nairobi\ncountry: ${country}\nparties:\n  - { id: GOV, name: Government }\nrounds: []\n`;
    for (const written of ['République démocratique du Congo', 'DR Congo', 'RDC'])
      assert.equal(
        readNegotiationProcess(text(written), 'p.yaml').country,
        'Democratic Republic of Congo',
        written,
      );
    assert.equal(readNegotiationProcess(text('Testland'), 'p.yaml').country, 'Testland');
  });
});
