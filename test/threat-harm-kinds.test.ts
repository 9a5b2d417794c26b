import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEMO_COUNTRY } from '../src/app/demo/demo-country.ts';
import { loadDemoMission } from '../src/app/demo/load-demo-mission.ts';
import { operations } from '../src/app/operations.ts';
import { DIALECTS } from './dialects.ts';

const requester = { name: 'test', roles: ['admin'] };

for (const dialect of DIALECTS) {
  describe(`threats saved to the register (${dialect.name})`, { skip: dialect.skip }, () => {
    test('keep the kinds of harm that make their severity, as proposed', async () => {
      const { store, drop } = await dialect.open();
      try {
        await loadDemoMission({ store, requester }, { onlyIfEmpty: true });
        // The demonstration mission's register holds threats already: start from an empty one.
        await store.db.deleteFrom('threats').execute();
        const ctx = { store, requester };
        const proposed = await operations.proposeThreats.run(ctx, { country: DEMO_COUNTRY, save: true });
        assert.ok(proposed.saved > 0);
        const harmed = proposed.threats.filter((t) => t.harmKinds.length > 0);
        assert.ok(harmed.length > 0, 'some demonstration threats did sexual violence or abductions');
        const register = await operations.listThreats.run(ctx, { country: DEMO_COUNTRY });
        const key = (t: {
          perpetrator: string;
          targetedPopulation: string;
          admin1: string;
          violenceType: string;
        }) => `${t.perpetrator}|${t.targetedPopulation}|${t.admin1}|${t.violenceType}`;
        const saved = new Map(register.threats.map((t) => [key(t), t]));
        for (const t of harmed) assert.deepEqual(saved.get(key(t))?.harmKinds, t.harmKinds, key(t));
      } finally {
        await drop();
      }
    });
  });
}
