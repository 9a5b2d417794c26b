import assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { removeStaleTempFolders, tempFolder } from './temp-folders.ts';

test('the folders of a server that was killed are removed at the next start; a running one keeps its own', async () => {
  // A process id no process has (above the kernel's largest), as a killed server leaves behind.
  const dead = join(tmpdir(), 'tandem-upload-4194399-abc123');
  const deadPdf = join(tmpdir(), 'tandem-pdf-4194399-def456');
  const older = join(tmpdir(), 'tandem-upload-Xy12ab');
  for (const d of [dead, deadPdf, older]) mkdirSync(d, { recursive: true });
  const mine = await tempFolder('upload');
  try {
    assert.ok((await removeStaleTempFolders()) >= 3);
    assert.ok(!existsSync(dead) && !existsSync(deadPdf) && !existsSync(older));
    assert.ok(existsSync(mine), 'a running server lost the upload it is receiving');
  } finally {
    rmSync(mine, { recursive: true, force: true });
  }
});
