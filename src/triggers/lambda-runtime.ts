/**
 * The lambda runtime: the Lambda Invoke API (`POST /2015-03-31/functions/{FunctionName}/invocations`,
 * RequestResponse) through @aws-sdk/client-lambda, signed with the AWS_* credentials or the default
 * chain, so LocalStack, a local Lambda emulator or AWS Lambda itself can serve. A reply with
 * X-Amz-Function-Error carries the function's `{ errorType, errorMessage }`.
 */
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { errorFromPayload, invalidReply, invocationFailed } from './function-errors.js';

export interface LambdaCall {
  endpoint: string;
  region: string;
  arn: string;
  functionName: string;
  event: unknown;
  timeoutMs: number;
}

export interface LambdaRuntime {
  invoke(call: LambdaCall): Promise<unknown>;
  close(): Promise<void>;
}

export function lambdaRuntime(): LambdaRuntime {
  const clients = new Map<string, LambdaClient>();
  const clientFor = (endpoint: string, region: string) => {
    const key = `${endpoint}\0${region}`;
    let client = clients.get(key);
    // One attempt: Cognito's five seconds cover the whole call, and a retried trigger would run twice.
    if (!client) clients.set(key, (client = new LambdaClient({ endpoint, region, maxAttempts: 1 })));
    return client;
  };
  return {
    async invoke(call) {
      const payload = new TextEncoder().encode(JSON.stringify(call.event));
      let output;
      try {
        output = await clientFor(call.endpoint, call.region).send(
          new InvokeCommand({ FunctionName: call.arn, InvocationType: 'RequestResponse', Payload: payload }),
          { abortSignal: AbortSignal.timeout(call.timeoutMs) },
        );
      } catch (error) {
        const name = error instanceof Error ? error.name : '';
        const timedOut = name === 'TimeoutError' || name === 'AbortError';
        throw invocationFailed(timedOut ? `${call.functionName} timed out after ${call.timeoutMs / 1000} seconds` : `${call.functionName} could not be invoked (${name || 'error'})`);
      }
      const text = output.Payload ? new TextDecoder().decode(output.Payload) : '';
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        if (output.FunctionError) throw errorFromPayload(undefined, text || 'failed');
        throw invalidReply(`${call.functionName} returned something that is not JSON`);
      }
      if (output.FunctionError) throw errorFromPayload(json, 'failed');
      return json;
    },
    async close() {
      for (const client of clients.values()) client.destroy();
      clients.clear();
    },
  };
}
