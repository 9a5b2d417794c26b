import { z } from 'zod';
import { auditHead, verifyAudit } from '../security/audit-chain.ts';
import { initKeys, rotateMasterKey } from '../security/data-keys.ts';
import { keyFilePath } from '../security/master-key.ts';
import { defineOperation } from './operation.ts';

/**
 * Keys and the audit. The master key lives in a file on the machine that runs Tandem (never in
 * the database), so the key operations are local-only: the HTTP API refuses them.
 */
export const securityOperations = {
  initKeys: defineOperation({
    writes: true,
    local: true,
    requires: 'strictly-confidential',
    summary:
      'Set up encryption at rest: a new master key in $TANDEM_KEY_FILE (default ./tandem.key, readable by its owner only) and a data key stored wrapped under it.',
    input: z.object({}),
    run: (ctx) => initKeys(ctx.store.db, keyFilePath()),
  }),

  rotateKeys: defineOperation({
    writes: true,
    local: true,
    requires: 'strictly-confidential',
    summary:
      'Replace the master key: every data key is re-wrapped under a new one, then the key file is replaced.',
    input: z.object({}),
    run: (ctx) => rotateMasterKey(ctx.store.db, keyFilePath()),
  }),

  verifyAudit: defineOperation({
    requires: 'strictly-confidential',
    summary:
      'Check the whole audit chain: every row against its hash and the row before it; the first row that does not fit is named. With the head kept elsewhere, rows cut from the end show too.',
    input: z.object({
      head: z
        .string()
        .regex(/^[0-9a-f]{64}$/, 'a head is 64 hexadecimal characters')
        .optional(),
    }),
    run: (ctx, input) => verifyAudit(ctx.store.db, input.head),
  }),

  auditHead: defineOperation({
    requires: 'strictly-confidential',
    summary: 'The hash of the latest audit row, to keep outside the database.',
    input: z.object({}),
    run: (ctx) => auditHead(ctx.store.db),
  }),
};
