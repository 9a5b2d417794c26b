import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

/**
 * A master key is never committed by `git add .` from the project folder, where the README runs
 * the demonstration: the key, the one `keys init` is making, and the ones `keys rotate` keeps
 * beside it (`tandem.key.replaced-<time>`, which a new user's `git status` listed as untracked).
 */
const ROOT = new URL('..', import.meta.url).pathname;
const git = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: ROOT, encoding: 'utf8' });

test('master key files are ignored by git', { skip: git.status !== 0 && 'not a git work tree' }, () => {
  for (const name of ['tandem.key', 'tandem.key.new', 'tandem.key.replaced-2026-12-07T04-20-00-000Z']) {
    const r = spawnSync('git', ['check-ignore', '-q', '--no-index', name], { cwd: ROOT });
    assert.equal(r.status, 0, `${name} is not ignored`);
  }
});
