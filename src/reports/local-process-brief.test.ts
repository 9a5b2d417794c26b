import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type LocalBriefInput, localProcessSection } from './local-process-brief.ts';

const none = { events: 0, fatalities: 0, evidence: [] };
const process = (
  id: string,
  before: number,
  after: number,
  findings: LocalBriefInput['processes'][number]['findings'] = [],
) => ({
  id,
  name: `Accord ${id}`,
  date: '2022-05-20',
  admin1: 'Ouaka',
  status: 'signed',
  office: 'Bambari',
  before: { ...none, events: before },
  after: { ...none, events: after },
  findings,
});

// Participation probe: the table listed only the processes where violence rose, without saying so,
// and the one whose mediators had been threatened was nowhere in the section.
test('the table says which processes it lists, and a process whose people were targeted is named', () => {
  const section = localProcessSection({
    radiusKm: 50,
    windowDays: 180,
    processes: [
      process('rose', 1, 9),
      process('fell', 22, 3),
      process('mediators', 2, 2, [
        {
          kind: 'participants-or-mediators-targeted',
          message:
            '1 incident of the mission’s log touched participants, mediators or third parties of Accord mediators.',
        },
      ]),
    ],
    officeFindings: [],
  });
  const text = JSON.stringify(section);
  assert.match(
    text,
    /The process near which violence rose after its date \(at most ten, the largest rise first\); those where it fell or held are counted above, not listed/,
  );
  assert.match(text, /touched participants, mediators or third parties of Accord mediators/);
  assert.doesNotMatch(text, /Accord fell/);
});
