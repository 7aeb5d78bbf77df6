/**
 * The layers of src/ as README's "How it is built" draws them: infrastructure (store, crypto,
 * messaging) knows no service and no edge; the protocol edges know no service's rules; the
 * services know no HTTP framework and not the server that mounts them. Read from the import
 * statements themselves, so a wrong-way import fails here before it becomes a habit.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';

const SRC = resolve(import.meta.dirname, '..', 'src');

/** Top-level folders of src/ that each folder must never import. */
const FORBIDDEN: Record<string, string[]> = {
  store: ['userpools', 'protocol', 'server', 'cli', 'messaging'],
  crypto: ['userpools', 'protocol', 'server', 'cli', 'messaging'],
  messaging: ['userpools', 'protocol', 'server', 'cli', 'store'],
  protocol: ['userpools', 'server', 'cli'],
  userpools: ['server', 'cli'],
  server: ['cli'],
};
/** Packages that belong to the HTTP edge, never to a service's rules. */
const HTTP_PACKAGES: Record<string, string[]> = { userpools: ['fastify'] };

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)].map((match) => match[1]!);
}

/** The top-level folder of src/ a relative import lands in ('' for files at the top). */
function layerOf(file: string, specifier: string): string {
  const target = relative(SRC, resolve(dirname(file), specifier));
  return target.includes('/') ? target.split('/')[0]! : '';
}

describe('layers of src/', () => {
  for (const [layer, forbidden] of Object.entries(FORBIDDEN)) {
    it(`${layer}/ imports none of ${forbidden.join(', ')}`, () => {
      const wrong = sourceFiles(join(SRC, layer)).flatMap((file) => importsOf(file)
        .filter((specifier) => specifier.startsWith('.') && forbidden.includes(layerOf(file, specifier)))
        .map((specifier) => `${relative(SRC, file)} imports ${specifier}`));
      assert.deepEqual(wrong, []);
    });
  }

  for (const [layer, packages] of Object.entries(HTTP_PACKAGES)) {
    it(`${layer}/ knows no HTTP framework (${packages.join(', ')})`, () => {
      const wrong = sourceFiles(join(SRC, layer)).flatMap((file) => importsOf(file)
        .filter((specifier) => packages.includes(specifier))
        .map((specifier) => `${relative(SRC, file)} imports ${specifier}`));
      assert.deepEqual(wrong, []);
    });
  }

  it('every folder of a service has an index.ts that says what it owns', () => {
    const folders = readdirSync(join(SRC, 'userpools'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
    const missing = folders.filter((folder) => {
      try {
        return !readFileSync(join(SRC, 'userpools', folder.name, 'index.ts'), 'utf8').startsWith('/**');
      } catch {
        return true;
      }
    }).map((folder) => folder.name);
    assert.deepEqual(missing, []);
  });
});
