/**
 * Loaded into every test process (`node --import` in scripts/test.sh): each `it`/`test` that sets
 * no timeout of its own fails after GATEHOUSE_TEST_TIMEOUT_MS (60 s by default), so a hung test
 * fails within a minute and names itself. The runner's own --test-timeout cannot do this: on
 * Node 20 it bounds a whole file, and a `describe` timeout bounds its whole suite, since suites
 * race their tests against it and pass it on to them. Suites and hooks keep no limit of their own;
 * a test that needs longer says so (`SLOW` in aws.ts for the CLI and boto3). The price: the TAP
 * `location` of a test names this file, since node:test takes it from the caller of `it`; a
 * failed assertion's stack still names the test's line, and a timeout the suite and test.
 */
import { createRequire, syncBuiltinESMExports } from 'node:module';

type TestFunction = ((...args: unknown[]) => unknown) & Record<'skip' | 'todo' | 'only', unknown>;

const nodeTest = createRequire(import.meta.url)('node:test') as Record<'it' | 'test', TestFunction>;
const limit = Number(process.env.GATEHOUSE_TEST_TIMEOUT_MS ?? 60_000);

function withLimit(original: TestFunction): TestFunction {
  const limited = function (this: unknown, ...args: unknown[]) {
    const at = args.findIndex((arg) => typeof arg === 'object' && arg !== null);
    const options = at >= 0 ? (args[at] as { timeout?: number }) : undefined;
    if (options) args[at] = { timeout: limit, ...options };
    else args.splice(typeof args[0] === 'function' ? 0 : 1, 0, { timeout: limit });
    return original.apply(this, args);
  } as TestFunction;
  limited.skip = original.skip;
  limited.todo = original.todo;
  limited.only = original.only;
  return limited;
}

nodeTest.it = withLimit(nodeTest.it);
nodeTest.test = withLimit(nodeTest.test);
syncBuiltinESMExports();
