import { z } from 'zod';
import { defineOperation } from './operation.ts';
import {
  addUserAccount,
  listUserAccounts,
  reissueUserToken,
  removeUserAccount,
  setUserPassword,
} from './user-accounts.ts';

const name = z.string().min(1);

/**
 * Managing the workbench's accounts. They are `local`: whoever can open the store administers
 * them from the command line, and the HTTP API refuses them, so that a signed-in user cannot
 * make themselves accounts or tokens. They are kept out of the operations table for the same
 * reason.
 */
export const userOperations = {
  /** Creates an account with its roles and returns its sign-in token, shown this once. */
  addUser: defineOperation({
    writes: true,
    local: true,
    summary: 'Create a workbench account and issue its sign-in token (shown once; only its hash is stored).',
    input: z.object({
      name,
      /** Roles, as a list or comma-separated. */
      roles: z.union([z.array(z.string()), z.string().transform((s) => s.split(','))]),
      /** Field offices (need-to-know), as a list or comma-separated; `all-offices` for every one. */
      offices: z.union([z.array(z.string()), z.string().transform((s) => s.split(','))]).optional(),
      /** A password for the browser's sign-in form (at least 12 characters). */
      password: z.string().optional(),
    }),
    run: (ctx, input) =>
      addUserAccount(ctx.store, input.name, input.roles, {
        offices: input.offices,
        password: input.password,
      }),
  }),

  /** Issues an account a new token; the old one stops working at once. */
  reissueToken: defineOperation({
    writes: true,
    local: true,
    summary: 'Issue a new sign-in token for an account; the old one stops working.',
    input: z.object({ name }),
    run: (ctx, input) => reissueUserToken(ctx.store, input.name),
  }),

  /** Sets, replaces or removes an account's password; its sessions end. */
  setPassword: defineOperation({
    writes: true,
    local: true,
    summary:
      "Set or replace a workbench account's browser password (at least 12 characters), or remove it (null); the account's sessions end.",
    input: z.object({ name, password: z.string().nullable() }),
    run: async (ctx, input) => {
      await setUserPassword(ctx.store, input.name, input.password);
      return { name: input.name, password: input.password === null ? 'removed' : 'set' };
    },
  }),

  /** Removes an account; its token stops working. */
  removeUser: defineOperation({
    writes: true,
    local: true,
    summary: 'Remove a workbench account; its token stops working.',
    input: z.object({ name }),
    run: (ctx, input) => removeUserAccount(ctx.store, input.name),
  }),

  /** The accounts and their roles, never their tokens. */
  listUsers: defineOperation({
    local: true,
    summary: 'The workbench accounts and their roles (never their tokens).',
    input: z.object({}),
    run: async (ctx) => ({ accounts: await listUserAccounts(ctx.store) }),
  }),
};
