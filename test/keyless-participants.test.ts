import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import type { TandemError } from '../src/domain/tandem-error.ts';
import { DIALECTS } from './dialects.ts';
import { adminCall, keyedStore } from './keyed-store.ts';

/**
 * Without the master key (TANDEM_KEY_FILE pointing where no key is), a sealed participant cannot
 * be opened by anyone: the register's list is refused naming the key file, checks and briefs
 * withhold it and go on (where the whole brief failed); and a write that needs the key says where it looked.
 */
const call = adminCall('Keyless Officer');

describe('participants when the master key is not at hand (sqlite)', () => {
  const keyed = keyedStore(DIALECTS[0]!, 'tandem-keyless-');

  test('a sealed participant is listed as withheld, and a new one is refused naming the key file', async () => {
    const c = call(keyed.store);
    await runOperation(
      operations.recordParticipantFile,
      {
        name: 'p.yaml',
        text: 'alias: Heron\nrole: delegate\ngender: female\noffice: Bria\ncountry: Testland\nsensitivity: restricted\n',
      },
      c,
    );
    const kept = process.env.TANDEM_KEY_FILE;
    const missing = join(keyed.dir, 'elsewhere', 'tandem.key');
    process.env.TANDEM_KEY_FILE = missing;
    try {
      // The register asked for is refused, as the incident list is (fourth security probe: every
      // record "withheld" with exit 0 read as a register one may see nothing of); a check, as a
      // brief, withholds the participant and goes on.
      await assert.rejects(
        runOperation(operations.listParticipants, { country: 'Testland' }, c),
        (e: TandemError) => e.code === 'unavailable' && e.message.includes(`no master key at ${missing}`),
      );
      const checked = await runOperation(operations.checkParticipation, { country: 'Testland' }, c);
      assert.equal(checked.country, 'Testland');
      await assert.rejects(
        runOperation(
          operations.recordParticipantFile,
          {
            name: 'q.yaml',
            text: 'alias: Kite\nrole: delegate\ngender: male\noffice: Bria\ncountry: Testland\nsensitivity: restricted\n',
          },
          c,
        ),
        // The machine lacks the key (503), not the requester the right (403).
        (e: TandemError) => e.code === 'unavailable' && e.message.includes(`no master key at ${missing}`),
      );
    } finally {
      process.env.TANDEM_KEY_FILE = kept;
    }
  });

  test('a participant is never stored public or merely internal: in clear, their alias would be readable to all (security probe)', async () => {
    const c = call(keyed.store);
    for (const level of ['public', 'internal'])
      await assert.rejects(
        runOperation(
          operations.recordParticipantFile,
          {
            name: 'open.yaml',
            text: `alias: Egret\nrole: delegate\ngender: female\noffice: Bria\ncountry: Testland\nsensitivity: ${level}\n`,
          },
          c,
        ),
        (e: TandemError) => /sensitivity: .*restricted or strictly-confidential/.test(e.message),
        level,
      );
  });
});
