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

/** Where a race can show: a storage engine and how many server processes share it. */
export interface Deployment {
  engine: Engine;
  workers: number;
  label: string;
}

/**
 * Each engine with one server process, and SQLite with two worker processes on one file (the
 * cluster `--workers 2` starts): the deployment a Cognito user scales to first, where requests
 * truly interleave between processes and only the database's locking keeps the rules.
 */
export const raceDeployments: Deployment[] = [
  ...engines.map((engine) => ({ engine, workers: 1, label: engine })),
  { engine: 'sqlite', workers: 2, label: 'sqlite, 2 workers' },
];

export function describeDeployments(name: string, suite: (deployment: Deployment) => void): void {
  for (const deployment of raceDeployments) describe(`${name} [${deployment.label}]`, () => suite(deployment));
}
