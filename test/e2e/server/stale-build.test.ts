/** The end-to-end tests run the server from dist/, so a source file newer than its build stops them loudly. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { assertBuildIsCurrent } from '../../support/gatehouse.js';

it('refuses a dist/ older than a source file, or missing one, and accepts a fresh one', () => {
  const root = mkdtempSync(join(tmpdir(), 'gatehouse-stale-'));
  const [src, dist] = [join(root, 'src'), join(root, 'dist')];
  for (const folder of [join(src, 'store'), join(dist, 'store')]) mkdirSync(folder, { recursive: true });
  const write = (path: string, seconds: number) => { writeFileSync(path, ''); utimesSync(path, seconds, seconds); };
  write(join(src, 'store', 'users.ts'), 2000);
  write(join(src, 'store', 'types.d.ts'), 3000);
  write(join(dist, 'store', 'users.js'), 1000);
  assert.throws(() => assertBuildIsCurrent(src, dist), { name: 'Error', message: /^dist\/ is older than 1 source file\(s\) \(.*store\/users\.ts\): run `npm run build`/ });
  write(join(dist, 'store', 'users.js'), 2000);
  assertBuildIsCurrent(src, dist);
  write(join(src, 'cli.ts'), 1500);
  assert.throws(() => assertBuildIsCurrent(src, dist), { name: 'Error', message: /cli\.ts/ });
});
