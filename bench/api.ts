/**
 * Single calls outside the timed windows: setup through the API and each scenario's preflight.
 * node:http is fine here; the lean client is for the windows.
 */
import http from 'node:http';
import type { PreparedRequest } from './sign.js';

export interface CallResult {
  status: number;
  body: string;
  /** The operation that gave this answer (the last step sent). */
  operation: string;
}

/** Sends one request, and its follow-ups while they answer 200; returns the last status and body. */
export async function call(url: string, request: PreparedRequest): Promise<CallResult> {
  const result = await send(url, request);
  return result.status === 200 && request.followUp ? call(url, request.followUp(result.body)) : result;
}

function send(url: string, request: PreparedRequest): Promise<CallResult> {
  const { operation } = request;
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port: Number(port), method: 'POST', path: '/', headers: request.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), operation }));
    });
    req.on('error', reject);
    req.end(request.body);
  });
}

/** Sends a setup call and returns its parsed answer; anything but 200 throws with the answer. */
export async function expectOk<Answer>(url: string, request: PreparedRequest): Promise<Answer> {
  const { status, body } = await call(url, request);
  if (status !== 200) throw new Error(`${request.operation} answered ${status}: ${body.slice(0, 300)}`);
  return JSON.parse(body) as Answer;
}
