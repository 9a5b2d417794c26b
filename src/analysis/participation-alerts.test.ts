import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { belowQuotaTrend, localMediatorsAttacked, threatsBeforeRounds } from './participation-alerts.ts';

const incident = (id: number, occurredOn: string, targetedGroups: string[] = []) => ({
  id,
  occurredOn,
  category: 'threat-or-intimidation',
  admin1: 'North',
  targetedGroups,
});

describe('participation alerts', () => {
  const rounds = new Map([
    [
      'negotiation:7',
      [
        { id: 'R1', date: '2025-03-01' },
        { id: 'R2', date: '2025-06-01' },
      ],
    ],
  ]);
  const delegate = {
    id: 1,
    organisation: 'north women forum',
    processes: [{ process: '7', kind: 'negotiation' as const, rounds: ['R2'] }],
    incidents: [10],
  };

  it('raises a threat before a round for an incident against the person or their group in the weeks before, not after or long before', () => {
    const alerts = threatsBeforeRounds(
      [delegate],
      rounds,
      [
        incident(10, '2025-05-20'),
        incident(11, '2025-05-01', ['North Women Forum']),
        incident(12, '2025-06-01'),
        incident(13, '2025-02-20', ['North Women Forum']),
        incident(14, '2025-05-25', ['Someone else']),
      ],
      6,
    );
    assert.equal(alerts.length, 1, 'only round R2, which the delegate attends');
    assert.deepEqual(
      alerts[0]!.incidents.map((i) => i.id),
      [10, 11],
    );
  });

  it('flags women’s share below the quota for two rounds running when it is not rising, and not when it climbs', () => {
    const falling = belowQuotaTrend('7', 0.3, [
      { id: 'R1', women: 3, total: 10 },
      { id: 'R2', women: 2, total: 10 },
      { id: 'R3', women: 1, total: 10 },
    ]);
    assert.deepEqual([falling.length, falling[0]?.round], [1, 'R3']);
    assert.deepEqual(
      belowQuotaTrend('7', 0.3, [
        { id: 'R1', women: 1, total: 10 },
        { id: 'R2', women: 2, total: 10 },
      ]),
      [],
    );
    assert.deepEqual(
      belowQuotaTrend('7', undefined, [
        { id: 'R1', women: 0, total: 10 },
        { id: 'R2', women: 0, total: 10 },
      ]),
      [],
    );
    assert.deepEqual(
      belowQuotaTrend('7', 0.3, [
        { id: 'R1', women: 1, total: 10 },
        { id: 'R2', women: 3, total: 10 },
      ]),
      [],
    ); // A dip then a rise: the latest round is higher, so the share is rising (Mali probe: 15%, 13%,
    // 24% was called "not rising").
    assert.deepEqual(
      belowQuotaTrend('7', 0.3, [
        { id: 'R1', women: 15, total: 100 },
        { id: 'R2', women: 13, total: 100 },
        { id: 'R3', women: 24, total: 100 },
      ]),
      [],
    );
    const named = belowQuotaTrend(
      '7',
      0.3,
      [
        { id: 'R1', women: 2, total: 10 },
        { id: 'R2', women: 1, total: 10 },
      ],
      'en',
      'Bamako talks',
    );
    assert.match(named[0]?.message ?? '', /delegations of Bamako talks .* did not rise in the latest round/);
    assert.equal(named[0]?.process, '7');
  });

  it('names attacks on a local process’s participants and on its mediators as groups', () => {
    const local = {
      id: 'pact',
      name: 'Pact',
      date: '2025-04-01',
      mediators: ['Elders council'],
      thirdParties: [],
    };
    const member = { ...delegate, processes: [{ process: 'pact', kind: 'local' as const, rounds: [] }] };
    const alerts = localMediatorsAttacked(
      [local],
      [member],
      [
        incident(10, '2025-05-20'),
        incident(20, '2025-04-10', ['elders council']),
        incident(21, '2024-01-01', ['Elders council']),
      ],
    );
    assert.deepEqual(
      alerts.map((a) => [a.participant, a.incidents.map((i) => i.id)]),
      [
        [1, [10]],
        [null, [20]],
      ],
    );
  });
});
