/**
 * The context object Lambda's Node.js runtime passes a handler as its second argument, with the
 * members handlers actually read (developer guide, "Using the Lambda context object to retrieve
 * Node.js function information"), and the legacy done/succeed/fail that old handlers still call.
 */

export interface InvocationFacts {
  functionName: string;
  invokedFunctionArn: string;
  awsRequestId: string;
  /** Epoch milliseconds by which the function must answer. */
  deadline: number;
}

export interface LambdaContext {
  callbackWaitsForEmptyEventLoop: boolean;
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  awsRequestId: string;
  logGroupName: string;
  logStreamName: string;
  getRemainingTimeInMillis(): number;
  done(error?: unknown, result?: unknown): void;
  succeed(result?: unknown): void;
  fail(error?: unknown): void;
}

export function lambdaContext(facts: InvocationFacts, finish: (error: unknown, result: unknown) => void): LambdaContext {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: facts.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: facts.invokedFunctionArn,
    memoryLimitInMB: '128',
    awsRequestId: facts.awsRequestId,
    logGroupName: `/aws/lambda/${facts.functionName}`,
    logStreamName: `gatehouse/[$LATEST]${facts.awsRequestId.replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, facts.deadline - Date.now()),
    done: (error, result) => finish(error ?? null, result),
    succeed: (result) => finish(null, result),
    fail: (error) => finish(error ?? new Error('failed'), undefined),
  };
}
