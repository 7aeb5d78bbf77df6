/**
 * Calls a function by ARN wherever it runs: the functions file's entry for the ARN (or for its
 * bare name), else the Lambda Invoke API at GATEHOUSE_LAMBDA_ENDPOINT. An ARN that neither
 * covers cannot be called, which the caller hears as an invocation failure naming the ARN.
 */
import { parseFunctionArn } from './function-arn.js';
import { invocationFailed } from './function-errors.js';
import { loadFunctionsFile, lookupFunction, type FunctionTable } from './functions-file.js';
import { lambdaRuntime } from './lambda-runtime.js';
import { moduleRuntime } from './module-runtime.js';
import { invokeUrl } from './url-runtime.js';

/** Cognito waits five seconds for a trigger (developer guide, "Lambda triggers"). */
export const FUNCTION_TIMEOUT_MS = 5000;

export interface FunctionInvoker {
  /** The function's result, or a FunctionFailure. */
  invoke(arn: string, event: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export interface InvokerOptions {
  /** The functions file, or its table already parsed. */
  functions?: string | FunctionTable | undefined;
  lambdaEndpoint?: string | undefined;
  /** Region for Invoke API calls whose ARN names none. */
  region: string;
  timeoutMs?: number;
}

export function createFunctionInvoker(options: InvokerOptions): FunctionInvoker {
  const table: FunctionTable = typeof options.functions === 'string' ? loadFunctionsFile(options.functions) : options.functions ?? new Map();
  const timeoutMs = options.timeoutMs ?? FUNCTION_TIMEOUT_MS;
  const modules = moduleRuntime();
  const lambdas = lambdaRuntime();
  return {
    async invoke(arn, event) {
      const { name, region } = parseFunctionArn(arn);
      const target = lookupFunction(table, arn) ?? (options.lambdaEndpoint ? { runtime: 'lambda' as const, endpoint: options.lambdaEndpoint } : undefined);
      if (!target) throw invocationFailed(`no function is configured for ${arn}: map it in the functions file (--functions) or set GATEHOUSE_LAMBDA_ENDPOINT`);
      switch (target.runtime) {
        case 'module':
          return modules.invoke({ path: target.path, exportName: target.exportName, functionName: name, arn, event, timeoutMs });
        case 'url':
          return invokeUrl({ url: target.url, secret: target.secret, functionName: name, event, timeoutMs });
        case 'lambda':
          return lambdas.invoke({ endpoint: target.endpoint, region: region ?? options.region, arn, functionName: name, event, timeoutMs });
      }
    },
    async close() {
      await Promise.all([modules.close(), lambdas.close()]);
    },
  };
}
