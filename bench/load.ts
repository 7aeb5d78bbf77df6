/**
 * A closed-loop load generator: `concurrency` loops, each sending its next pre-signed request as
 * soon as the previous answer has fully arrived, over keep-alive connections on loopback. A
 * warm-up runs first and is not recorded; then every response that completes inside the window
 * is counted. Only HTTP 200 is a success; everything else is tallied by status and error type,
 * with one sample message each, so a run that measures error responses cannot pass unnoticed.
 * A multi-step exchange (a request with a `followUp`, e.g. an SRP sign-in) runs all its steps on
 * the same loop and counts once, as a success only when every step answered 200.
 */
import { performance } from 'node:perf_hooks';
import { HttpConnection, type Response } from './http-connection.js';
import type { PreparedRequest } from './sign.js';

export interface LoadOptions {
  url: string;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** Returns the next request to send, or undefined when the pre-signed supply is spent. */
  next: () => PreparedRequest | undefined;
  /** Called when the measured window opens and when it closes (e.g. to sample CPU usage). */
  window?: { open(): void; close(): void };
}

export interface ErrorTally {
  count: number;
  sample: string;
}

export interface LoadResult {
  /** Length of the measured window actually used (shorter only when the supply ran out). */
  windowMs: number;
  successes: number;
  /** Latencies of the successful responses, in ms, sorted ascending. */
  latenciesMs: Float64Array;
  /** Keyed by `<status> <__type>` or `network <code>`. */
  errors: Map<string, ErrorTally>;
  /** True when the loops ran out of pre-signed requests before the window ended. */
  exhausted: boolean;
}

/** After the window, in-flight requests get this long before their connections are closed. */
const DRAIN_MS = 10_000;

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { hostname, port } = new URL(options.url);
  const connections = Array.from({ length: options.concurrency }, () => new HttpConnection(hostname, Number(port)));
  const start = performance.now();
  const measureFrom = start + options.warmupMs;
  const endAt = measureFrom + options.durationMs;
  const latencies: number[] = [];
  const errors = new Map<string, ErrorTally>();
  let exhaustedAt: number | undefined;
  let windowState: 'pending' | 'open' | 'closed' = 'pending';
  const openWindow = () => {
    windowState = 'open';
    options.window?.open();
  };
  // Also called when every loop stopped early (supply spent), so an opened window always closes.
  const closeWindow = () => {
    if (windowState !== 'open') return;
    windowState = 'closed';
    options.window?.close();
  };
  const openTimer = setTimeout(openWindow, options.warmupMs);
  const closeTimer = setTimeout(closeWindow, options.warmupMs + options.durationMs);

  async function loop(connection: HttpConnection): Promise<void> {
    for (;;) {
      const sentAt = performance.now();
      if (sentAt >= endAt) return;
      const request = options.next();
      if (!request) {
        exhaustedAt ??= sentAt;
        return;
      }
      const response = await exchange(connection, request);
      const doneAt = performance.now();
      if (doneAt >= measureFrom && doneAt <= endAt) {
        if (response.status === 200) latencies.push(doneAt - sentAt);
        else tally(errors, response);
      }
      // A dead server fails instantly; do not spin at full speed counting refusals.
      if (response.status === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  const closeAll = () => connections.forEach((connection) => connection.close());
  const drainTimer = setTimeout(closeAll, options.warmupMs + options.durationMs + DRAIN_MS);
  await Promise.all(connections.map(loop));
  for (const timer of [drainTimer, openTimer, closeTimer]) clearTimeout(timer);
  closeWindow();
  closeAll();
  const windowMs = Math.min(endAt, exhaustedAt ?? endAt) - measureFrom;
  return {
    windowMs,
    successes: latencies.length,
    latenciesMs: Float64Array.from(latencies).sort(),
    errors,
    exhausted: exhaustedAt !== undefined && exhaustedAt < endAt,
  };
}

/** The status of an exchange whose next request could not be built from a 200 (an unexpected answer). */
const FOLLOW_UP_FAILED = -1;

/** An answer, with the operation of the step that gave it when that was not an exchange's first. */
type StepResponse = Response & { step?: string };

/** Sends a request and every follow-up it leads to; the last answer (or the first failure) stands for all. */
async function exchange(connection: HttpConnection, first: PreparedRequest): Promise<StepResponse> {
  let request = first;
  for (;;) {
    const response = await connection.send(request.wire, request.followUp !== undefined);
    if (response.status !== 200 || !request.followUp) return request === first ? response : { ...response, step: request.operation };
    try {
      request = request.followUp(response.body);
    } catch (error) {
      return { status: FOLLOW_UP_FAILED, body: `after ${request.operation}: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
}

/** Groups error responses by status and AWS error type, keeping the first message of each. */
function tally(errors: Map<string, ErrorTally>, response: StepResponse): void {
  const { key, message } = describeError(response);
  const entry = errors.get(key);
  if (entry) entry.count++;
  else errors.set(key, { count: 1, sample: message });
}

function describeError({ status, body, errorType, step }: StepResponse): { key: string; message: string } {
  if (status === FOLLOW_UP_FAILED) return { key: 'bench could not build the next step', message: body };
  if (status === 0) return { key: body.split(' ').slice(0, 2).join(' '), message: body };
  let type = errorType?.split(':')[0] ?? '';
  let message = body.slice(0, 300);
  try {
    const parsed = JSON.parse(body) as { __type?: string; message?: string; Message?: string };
    type = parsed.__type?.split('#').pop() ?? type;
    message = parsed.message ?? parsed.Message ?? message;
  } catch {
    // not JSON: keep the raw start of the body
  }
  // In a multi-step exchange, name the step that failed when it is not the first.
  return { key: `${step ? `${step} ` : ''}${status} ${type || 'unknown'}`, message };
}
