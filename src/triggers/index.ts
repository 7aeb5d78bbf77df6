/**
 * Calling functions, free of any Cognito rule: the functions file, and the three runtimes a
 * function can run in (a module in worker threads, a URL, the Lambda Invoke API) behind one
 * invoker, with Lambda's context object and time limit. What the events mean is the callers'.
 */
export { createFunctionInvoker, FUNCTION_TIMEOUT_MS, type FunctionInvoker, type InvokerOptions } from './invoker.js';
export { FunctionFailure, type FunctionFailureKind } from './function-errors.js';
export { parseFunctionArn } from './function-arn.js';
export { parseFunctionTable, loadFunctionsFile, type FunctionTable, type FunctionTarget } from './functions-file.js';
export { signatureHeaders } from './url-runtime.js';
