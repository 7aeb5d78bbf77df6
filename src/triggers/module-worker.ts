/**
 * The worker thread a module function runs in: it imports the user's file once, then answers
 * one invocation at a time, as a Lambda execution environment does. The handler may be async
 * (`export const handler = async (event, context) => ...`), use the callback form
 * `(event, context, callback)`, or be a CommonJS `exports.handler`. Nothing of the server's
 * memory is reachable from here: only the event crosses, as a structured clone.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { lambdaContext, type InvocationFacts } from './lambda-context.js';

export interface WorkerSetup {
  path: string;
  exportName: string;
}

export interface InvocationMessage extends InvocationFacts {
  id: number;
  event: unknown;
}

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'load-error'; message: string }
  /** The result as JSON text, as Lambda would serialise it (undefined becomes null). */
  | { id: number; json: string }
  | { id: number; error: { errorType: string; errorMessage: string } };

type Handler = (event: unknown, context: unknown, callback: (error: unknown, result?: unknown) => void) => unknown;

const port = parentPort!;
const setup = workerData as WorkerSetup;

async function loadHandler(): Promise<Handler> {
  if (/\.m?ts$/.test(setup.path)) await enableTypeScript();
  const loaded = (await import(pathToFileURL(setup.path).href)) as Record<string, unknown>;
  // CommonJS files come through import() as their module.exports on `default`.
  const commonJs = loaded.default as Record<string, unknown> | undefined;
  const handler = loaded[setup.exportName] ?? (commonJs && typeof commonJs === 'object' ? commonJs[setup.exportName] : undefined);
  if (typeof handler !== 'function') throw new Error(`${setup.path} does not export a function named ${setup.exportName}`);
  return handler as Handler;
}

/** TypeScript handlers need a loader unless this Node strips types itself; tsx is used when installed. */
async function enableTypeScript(): Promise<void> {
  if (process.execArgv.some((arg) => arg.includes('tsx'))) return;
  try {
    const tsx = (await import('tsx/esm/api' as string)) as { register(): void };
    tsx.register();
  } catch {
    // Node 22.18+ and 23.6+ run .ts files natively; older ones fail on the import below, clearly.
  }
}

function run(handler: Handler, message: InvocationMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error: unknown, result: unknown) => {
      if (settled) return;
      settled = true;
      if (error !== null && error !== undefined) reject(error);
      else resolve(result);
    };
    const context = lambdaContext(message, finish);
    const returned = handler(message.event, context, (error, result) => finish(error ?? null, result));
    if (returned && typeof (returned as Promise<unknown>).then === 'function') {
      (returned as Promise<unknown>).then((result) => finish(null, result), (error: unknown) => finish(error ?? new Error('rejected'), undefined));
    } else if (handler.length < 3 && returned !== undefined) {
      // A synchronous handler without a callback answers with what it returns.
      finish(null, returned);
    }
  });
}

/** Lambda reports a thrown value as { errorType, errorMessage }; so do we. */
function describeError(error: unknown): { errorType: string; errorMessage: string } {
  if (error instanceof Error) return { errorType: error.name || 'Error', errorMessage: error.message };
  if (typeof error === 'string') return { errorType: 'string', errorMessage: error };
  return { errorType: typeof error, errorMessage: JSON.stringify(error) ?? String(error) };
}

loadHandler().then((handler) => {
  port.on('message', (message: InvocationMessage) => {
    run(handler, message).then(
      (result) => {
        let json: string;
        try {
          json = JSON.stringify(result) ?? 'null';
        } catch (error) {
          port.postMessage({ id: message.id, error: { errorType: 'Runtime.MarshalError', errorMessage: describeError(error).errorMessage } } satisfies WorkerReply);
          return;
        }
        port.postMessage({ id: message.id, json } satisfies WorkerReply);
      },
      (error: unknown) => port.postMessage({ id: message.id, error: describeError(error) } satisfies WorkerReply),
    );
  });
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
}, (error: unknown) => {
  port.postMessage({ type: 'load-error', message: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
});
