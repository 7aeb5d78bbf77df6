/**
 * Runs a suite on every storage engine: SQLite always, PostgreSQL when the test command has
 * started a throwaway cluster (GATEHOUSE_TEST_PG_URL). `npm test` always starts one, so in CI
 * every suite runs on both.
 */
import { describe } from 'node:test';
import type { Engine } from './gatehouse.js';

export const engines: Engine[] = process.env.GATEHOUSE_TEST_PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export function describeEngines(name: string, suite: (engine: Engine) => void): void {
  for (const engine of engines) describe(`${name} [${engine}]`, () => suite(engine));
}
