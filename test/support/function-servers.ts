/**
 * Real local HTTP servers that serve trigger functions the two remote ways Gatehouse can call
 * them: a plain URL that takes the event as a JSON POST (the url runtime), and a server that
 * speaks the Lambda Invoke API (`POST /2015-03-31/functions/{FunctionName}/invocations`), which
 * is what @aws-sdk/client-lambda sends and LocalStack or AWS Lambda answers. Each serves
 * handlers loaded from the same files the module runtime runs, so one handler file covers all
 * three runtimes.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { pathToFileURL } from 'node:url';

export type TestHandler = (event: unknown, context: unknown) => Promise<unknown>;

export interface FunctionServer {
  url: string;
  /** The requests received, with their headers, in order. */
  requests: { path: string; headers: IncomingMessage['headers']; body: string }[];
  close(): Promise<void>;
}

/** Loads `exportName` (default `handler`) from a handler file, as an in-test function. */
export async function loadHandler(path: string, exportName = 'handler'): Promise<TestHandler> {
  const loaded = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  const fn = (loaded[exportName] ?? (loaded.default as Record<string, unknown> | undefined)?.[exportName]) as
    | ((event: unknown, context: unknown, callback: (error: unknown, result?: unknown) => void) => unknown)
    | undefined;
  if (typeof fn !== 'function') throw new Error(`${path} has no ${exportName}`);
  return (event, context) =>
    new Promise((resolve, reject) => {
      const returned = fn(event, context, (error, result) => (error ? reject(error) : resolve(result)));
      if (returned && typeof (returned as Promise<unknown>).then === 'function') (returned as Promise<unknown>).then(resolve, reject);
    });
}

const context = (functionName: string) => ({
  functionName, awsRequestId: crypto.randomUUID(), callbackWaitsForEmptyEventLoop: true, getRemainingTimeInMillis: () => 5000,
});

async function listen(server: Server, requests: FunctionServer['requests']): Promise<FunctionServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

const describeError = (error: unknown) => ({
  errorType: error instanceof Error ? error.name : 'Error',
  errorMessage: error instanceof Error ? error.message : String(error),
});

/** The url runtime's peer: path `/<name>` runs handlers[name]; a thrown error is a 500 with Lambda's error body. */
export async function startUrlFunctions(handlers: Record<string, TestHandler>): Promise<FunctionServer> {
  const requests: FunctionServer['requests'] = [];
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const path = request.url ?? '/';
    requests.push({ path, headers: request.headers, body });
    const handler = handlers[path.slice(1)];
    if (!handler) return void response.writeHead(404).end();
    try {
      const result = await handler(JSON.parse(body), context(path.slice(1)));
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result ?? null));
    } catch (error) {
      response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify(describeError(error)));
    }
  });
  return listen(server, requests);
}

/**
 * The Lambda Invoke API, as AWS Lambda answers it: the function name in the path may be a bare
 * name or a full ARN; a function error is a 200 with `X-Amz-Function-Error: Unhandled` and
 * `{ errorType, errorMessage }`; an unknown function is a 404 ResourceNotFoundException.
 */
export async function startLambdaEndpoint(handlers: Record<string, TestHandler>): Promise<FunctionServer> {
  const requests: FunctionServer['requests'] = [];
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const path = request.url ?? '/';
    requests.push({ path, headers: request.headers, body });
    const match = /^\/2015-03-31\/functions\/([^/]+)\/invocations/.exec(path);
    const name = match ? decodeURIComponent(match[1]!).replace(/^arn:[^:]+:lambda:[^:]+:\d+:function:/, '').split(':')[0]! : '';
    const handler = handlers[name];
    if (request.method !== 'POST' || !handler) {
      return void response.writeHead(404, { 'content-type': 'application/json', 'x-amzn-errortype': 'ResourceNotFoundException' })
        .end(JSON.stringify({ Type: 'User', message: `Function not found: ${name}` }));
    }
    const headers = { 'content-type': 'application/json', 'x-amz-executed-version': '$LATEST' };
    try {
      const result = await handler(JSON.parse(body), context(name));
      response.writeHead(200, headers).end(JSON.stringify(result ?? null));
    } catch (error) {
      response.writeHead(200, { ...headers, 'x-amz-function-error': 'Unhandled' }).end(JSON.stringify(describeError(error)));
    }
  });
  return listen(server, requests);
}
