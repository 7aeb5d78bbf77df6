/** An operation: a named function from a validated input to an output, knowing nothing of HTTP. */
import type { RequestContext, Services } from '../services.js';

export interface Operation<Input = never, Output = unknown> {
  /** The operation name as it appears in X-Amz-Target after the service prefix. */
  readonly name: string;
  readonly handler: (services: Services, input: Input, request: RequestContext) => Promise<Output>;
}

/** Declares an operation with its input and output types (from the AWS SDK's type definitions). */
export function operation<Input, Output>(name: string, handler: (services: Services, input: Input, request: RequestContext) => Promise<Output>): Operation<Input, Output> {
  return { name, handler };
}

/** Any operation, stored type-erased: the edge has validated the input against the model before the call. */
export type AnyOperation = Operation<never, unknown>;
