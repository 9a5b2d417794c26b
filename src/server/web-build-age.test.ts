import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { staleWebBuildWarning, webBuildState } from './web-build-age.ts';

test('serving pages built before their sources last changed is warned of; a fresh or installed build is not', () => {
  const web = mkdtempSync(join(tmpdir(), 'tandem-web-'));
  try {
    const dist = join(web, 'dist');
    mkdirSync(join(web, 'src', 'pages'), { recursive: true });
    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), '<!doctype html>');
    writeFileSync(join(web, 'src', 'pages', 'page.tsx'), 'export {}');
    const earlier = new Date(Date.now() - 60_000);
    utimesSync(join(dist, 'index.html'), earlier, earlier);
    assert.match(staleWebBuildWarning(dist, false) ?? '', /npm run build:web/);
    // Named by TANDEM_WEB_ROOT (a benchmark's build): not judged.
    assert.equal(staleWebBuildWarning(dist, true), null);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dist, 'index.html'), later, later);
    assert.equal(staleWebBuildWarning(dist, false), null);
    // Installed without its sources: nothing to compare.
    rmSync(join(web, 'src'), { recursive: true });
    assert.equal(staleWebBuildWarning(dist, false), null);
  } finally {
    rmSync(web, { recursive: true, force: true });
  }
});

test('npm start builds the pages again when they are missing or older than their sources', () => {
  const web = mkdtempSync(join(tmpdir(), 'tandem-web-'));
  try {
    const dist = join(web, 'dist');
    mkdirSync(join(web, 'src'), { recursive: true });
    writeFileSync(join(web, 'src', 'main.tsx'), 'export {}');
    assert.equal(webBuildState(dist, false), 'missing');
    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), '<!doctype html>');
    const earlier = new Date(Date.now() - 60_000);
    utimesSync(join(dist, 'index.html'), earlier, earlier);
    assert.equal(webBuildState(dist, false), 'stale');
    assert.equal(webBuildState(dist, true), 'current');
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dist, 'index.html'), later, later);
    assert.equal(webBuildState(dist, false), 'current');
  } finally {
    rmSync(web, { recursive: true, force: true });
  }
});
