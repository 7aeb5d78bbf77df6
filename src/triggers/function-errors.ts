/**
 * How a function call can go wrong, in the words of the Lambda Invoke API rather than Cognito's:
 * the function ran and failed (it threw, or called back with an error), it could not be run
 * (unknown, unreachable, too slow), or it answered with something that is not JSON. The caller
 * turns these into the service's own errors.
 */

export type FunctionFailureKind = 'function-error' | 'invocation-failed' | 'invalid-reply';

export class FunctionFailure extends Error {
  readonly kind: FunctionFailureKind;
  /** For 'function-error': the error's type as the function reported it (errorType). */
  readonly errorType: string | undefined;

  constructor(kind: FunctionFailureKind, message: string, errorType?: string) {
    super(message);
    this.name = 'FunctionFailure';
    this.kind = kind;
    this.errorType = errorType;
  }
}

/** The function threw: its message is what the caller reports. */
export const functionError = (message: string, errorType?: string) => new FunctionFailure('function-error', message, errorType);
/** The function could not be called or did not answer in time. */
export const invocationFailed = (message: string) => new FunctionFailure('invocation-failed', message);
/** The function answered, but not with JSON. */
export const invalidReply = (message: string) => new FunctionFailure('invalid-reply', message);

/** Lambda's error payload, `{ errorType, errorMessage }`, read leniently. */
export function errorFromPayload(payload: unknown, fallback: string): FunctionFailure {
  const body = (payload && typeof payload === 'object' ? payload : {}) as { errorMessage?: unknown; errorType?: unknown };
  const message = typeof body.errorMessage === 'string' ? body.errorMessage : fallback;
  return functionError(message, typeof body.errorType === 'string' ? body.errorType : undefined);
}
