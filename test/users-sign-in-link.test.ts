import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'tandem-link-'));
const db = join(dir, 'tandem.db');
after(() => rmSync(dir, { recursive: true, force: true }));

test("the sign-in link names the workbench's real address: --url, else TANDEM_URL, else this machine's port", async () => {
  const link = async (args: string[], env: NodeJS.ProcessEnv) => {
    const r = await runCli(['users', ...args, '--db', db], { env: { TANDEM_URL: '', PORT: '', ...env } });
    assert.equal(r.code, 0, r.stderr);
    return /sign-in link: (\S+)/.exec(r.stdout)?.[1]?.replace(/#token=.*/, '#token=…');
  };
  assert.equal(
    await link(['add', 'Ana', '--roles', 'viewer', '--url', 'https://tandem.mission.example/'], {}),
    'https://tandem.mission.example/sign-in#token=…',
  );
  assert.equal(
    await link(['token', 'Ana'], { TANDEM_URL: 'https://proxy.mission.example:8443' }),
    'https://proxy.mission.example:8443/sign-in#token=…',
  );
  assert.equal(await link(['token', 'Ana'], { PORT: '7500' }), 'http://localhost:7500/sign-in#token=…');
});

test('users list shows each account’s offices beside its roles, for whoever reviews need-to-know', async () => {
  const add = await runCli(['users', 'add', 'Bo', '--roles', 'poc', '--offices', 'Bor,Malakal', '--db', db]);
  assert.equal(add.code, 0, add.stderr);
  const r = await runCli(['users', 'list', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^name +roles +offices +created/m);
  assert.match(r.stdout, /^Bo +poc +Bor, Malakal /m);
});
