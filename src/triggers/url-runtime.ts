/**
 * The url runtime: the event is POSTed as JSON and the JSON reply is the function's result, so
 * any web service can serve a trigger. With a secret, each request is signed so the service can
 * tell Gatehouse from anyone else:
 *
 *   X-Gatehouse-Timestamp: <epoch seconds>
 *   X-Gatehouse-Signature: sha256=<hex HMAC-SHA256 over "<timestamp>.<body>" with the secret>
 *
 * A reply with a status other than 2xx whose JSON body has an `errorMessage` is the function
 * failing with that message (Lambda's own error shape, `{ errorType, errorMessage }`); any other
 * failure (refused connection, timeout, 5xx without one) means the function could not be called.
 */
import { createHmac } from 'node:crypto';
import { errorFromPayload, invalidReply, invocationFailed } from './function-errors.js';

export interface UrlCall {
  url: string;
  secret: string | undefined;
  functionName: string;
  event: unknown;
  timeoutMs: number;
}

export function signatureHeaders(secret: string, body: string, now = Date.now()): Record<string, string> {
  const timestamp = String(Math.floor(now / 1000));
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return { 'x-gatehouse-timestamp': timestamp, 'x-gatehouse-signature': `sha256=${signature}` };
}

export async function invokeUrl(call: UrlCall): Promise<unknown> {
  const body = JSON.stringify(call.event);
  let response: Response;
  let text: string;
  try {
    response = await fetch(call.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(call.secret ? signatureHeaders(call.secret, body) : {}) },
      body,
      signal: AbortSignal.timeout(call.timeoutMs),
      redirect: 'error',
    });
    text = await response.text();
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw invocationFailed(timedOut ? `${call.functionName} timed out after ${call.timeoutMs / 1000} seconds` : `${call.functionName} could not be reached`);
  }
  const json = parse(text);
  if (!response.ok) {
    if (json.ok && json.value && typeof json.value === 'object' && typeof (json.value as { errorMessage?: unknown }).errorMessage === 'string') {
      throw errorFromPayload(json.value, 'failed');
    }
    throw invocationFailed(`${call.functionName} answered HTTP ${response.status}`);
  }
  if (!json.ok) throw invalidReply(`${call.functionName} returned something that is not JSON`);
  return json.value;
}

function parse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
