/** The drift check of src/protocol/generated/ against aws-models/: it passes only after comparing. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../support/gatehouse.js';

const check = (models?: string) => spawnSync(process.execPath, [join(ROOT, 'scripts', 'generate-shapes.mjs'), '--check'], {
  encoding: 'utf8', env: { PATH: process.env.PATH, ...(models ? { GATEHOUSE_MODELS: models } : {}) },
});

describe('generate-shapes --check', () => {
  it('passes on the models kept in the repository', () => {
    const result = check();
    assert.equal(result.status, 0, result.stderr);
  });

  it('fails, naming the file, when the models are missing', () => {
    const result = check(join(tmpdir(), 'gatehouse-no-models'));
    assert.equal(result.status, 1);
    assert.match(result.stderr, /cannot read the cognito-idp model at .*gatehouse-no-models\/cognito-idp\/service-2\.json/);
  });

  it('fails when a model changes under the committed output', () => {
    const models = mkdtempSync(join(tmpdir(), 'gatehouse-models-'));
    cpSync(join(ROOT, 'aws-models'), models, { recursive: true });
    const file = join(models, 'cognito-idp', 'service-2.json');
    const model = JSON.parse(readFileSync(file, 'utf8')) as { shapes: Record<string, { max?: number }> };
    model.shapes.UserPoolNameType!.max = 129;
    writeFileSync(file, JSON.stringify(model));
    const result = check(models);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /cognito-idp\.ts is out of date/);
  });
});
