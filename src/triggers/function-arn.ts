/**
 * Lambda function ARNs: `arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]`.
 * Cognito stores the ARN; a functions file may name a function by its bare name instead.
 */

const FUNCTION_ARN = /^arn:[\w-]+:lambda:([\w-]+):(\d{12}):function:([\w-]+)(?::([\w$-]+))?$/;

export interface FunctionName {
  /** The function's name, without region, account or qualifier. */
  name: string;
  region: string | undefined;
  qualifier: string | undefined;
}

export function parseFunctionArn(arnOrName: string): FunctionName {
  const match = FUNCTION_ARN.exec(arnOrName);
  if (!match) return { name: arnOrName, region: undefined, qualifier: undefined };
  return { name: match[3]!, region: match[1], qualifier: match[4] };
}
