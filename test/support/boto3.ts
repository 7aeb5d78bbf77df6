/** boto3 (python3) pointed at a test server: runs a snippet with `client`, a cognito-idp client, and prints its JSON result. */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { ADMIN, REGION, type Gatehouse } from './gatehouse.js';

const PRELUDE = `
import json, os, sys
import boto3
from botocore.config import Config
from botocore.exceptions import ClientError
client = boto3.client('cognito-idp', endpoint_url=os.environ['ENDPOINT'], region_name=os.environ['REGION'],
    aws_access_key_id=os.environ['KEY_ID'], aws_secret_access_key=os.environ['SECRET'],
    config=Config(retries={'max_attempts': 1, 'mode': 'standard'}))
def run():
`;

const EPILOGUE = `
try:
    print(json.dumps({'ok': True, 'result': run()}, default=str))
except ClientError as error:
    print(json.dumps({'ok': False, 'code': error.response['Error']['Code'], 'message': error.response['Error'].get('Message'),
        'status': error.response['ResponseMetadata'].get('HTTPStatusCode')}))
`;

/**
 * The interpreter that runs the snippets: GATEHOUSE_TEST_PYTHON when set, else the first of
 * `python3` on PATH (often a pyenv or venv one, with boto3 from pip) and /usr/bin/python3 (where
 * Debian's python3-boto3 goes, which scripts/test.sh installs when neither has boto3) that imports boto3.
 * scripts/test.sh looks at the same candidates.
 */
const BOTO3_CANDIDATES = process.env.GATEHOUSE_TEST_PYTHON ? [process.env.GATEHOUSE_TEST_PYTHON] : ['python3', '/usr/bin/python3'];

let python: string | undefined;
function boto3Python(): string {
  python ??= BOTO3_CANDIDATES.find((candidate) => spawnSync(candidate, ['-c', 'import boto3'], { stdio: 'ignore', env: { PATH: process.env.PATH, HOME: process.env.HOME } }).status === 0);
  if (!python) throw new Error(`no Python that imports boto3 among ${BOTO3_CANDIDATES.join(', ')}: npm test installs Debian's python3-boto3 (apt-get install python3-boto3)`);
  return python;
}

export type Boto3Result = { ok: true; result: unknown } | { ok: false; code: string; message: string | undefined; status: number };

/** `body` is the body of `def run():`, indented by four spaces, e.g. `    return client.list_user_pools(MaxResults=10)`. */
export async function boto3(server: Pick<Gatehouse, 'url'>, body: string, credentials = ADMIN): Promise<Boto3Result> {
  const { stdout } = await promisify(execFile)(boto3Python(), ['-c', `${PRELUDE}${body}\n${EPILOGUE}`], {
    env: {
      PATH: process.env.PATH, HOME: process.env.HOME, ENDPOINT: server.url, REGION,
      KEY_ID: credentials.accessKeyId, SECRET: credentials.secretAccessKey,
      AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    },
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Boto3Result;
}

/** One call of the client, its keyword arguments given as a JSON object, e.g. `boto3Call(server, 'initiate_auth', {...})`. */
export function boto3Call(server: Pick<Gatehouse, 'url'>, call: string, args: Record<string, unknown>, credentials = ADMIN): Promise<Boto3Result> {
  // A JSON string literal is also a Python one.
  return boto3(server, `    return client.${call}(**json.loads(${JSON.stringify(JSON.stringify(args))}))`, credentials);
}
