/**
 * The functions file (`--functions FILE`, GATEHOUSE_FUNCTIONS): a JSON object from a function ARN,
 * or a bare function name, to where that function runs:
 *
 *   { "arn:aws:lambda:us-east-1:123456789012:function:pre-sign-up": { "module": "./pre-sign-up.mjs" },
 *     "custom-message": { "module": "./handlers.ts", "handler": "index.customMessage" },
 *     "pre-token": { "url": "http://127.0.0.1:8080/pre-token", "secret": "..." },
 *     "migrate": { "lambda": "http://127.0.0.1:4566" } }
 *
 * Module paths are relative to the file. It is read once, at start, and refused whole when any
 * entry is malformed, so that a typo is a start-up error rather than a failed sign-in.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseFunctionArn } from './function-arn.js';

export type FunctionTarget =
  | { runtime: 'module'; path: string; exportName: string }
  | { runtime: 'url'; url: string; secret: string | undefined }
  | { runtime: 'lambda'; endpoint: string };

export type FunctionTable = Map<string, FunctionTarget>;

export function loadFunctionsFile(file: string): FunctionTable {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`functions file ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseFunctionTable(json, dirname(resolve(file)), file);
}

export function parseFunctionTable(json: unknown, baseDir: string, source = 'functions file'): FunctionTable {
  if (!isObject(json)) throw new Error(`${source}: expected a JSON object mapping function ARNs or names to runtimes`);
  const table: FunctionTable = new Map();
  for (const [key, entry] of Object.entries(json)) table.set(key, parseTarget(entry, baseDir, `${source}: "${key}"`));
  return table;
}

function parseTarget(entry: unknown, baseDir: string, where: string): FunctionTarget {
  if (!isObject(entry)) throw new Error(`${where} must be an object with "module", "url" or "lambda"`);
  const kinds = ['module', 'url', 'lambda'].filter((kind) => kind in entry);
  if (kinds.length !== 1) throw new Error(`${where} must have exactly one of "module", "url" or "lambda"`);
  if (typeof entry.module === 'string') {
    if (!/\.(mjs|cjs|js|ts|mts)$/.test(entry.module)) throw new Error(`${where}: a module is a .mjs, .js or .ts file`);
    const handler = entry.handler ?? 'handler';
    if (typeof handler !== 'string' || !/^([\w$-]+\.)?[\w$]+$/.test(handler)) throw new Error(`${where}: "handler" is an export name such as "handler" or "index.handler"`);
    // Lambda's "file.export" form names the file too; the file is given by "module", so only the export counts.
    return { runtime: 'module', path: resolve(baseDir, entry.module), exportName: handler.slice(handler.lastIndexOf('.') + 1) };
  }
  if (typeof entry.url === 'string') {
    if (entry.secret !== undefined && typeof entry.secret !== 'string') throw new Error(`${where}: "secret" must be a string`);
    return { runtime: 'url', url: httpUrl(entry.url, where), secret: entry.secret };
  }
  if (typeof entry.lambda === 'string') return { runtime: 'lambda', endpoint: httpUrl(entry.lambda, where) };
  throw new Error(`${where}: "${kinds[0]}" must be a string`);
}

/** The entry for an ARN: the ARN itself, else the function's bare name. */
export function lookupFunction(table: FunctionTable, arn: string): FunctionTarget | undefined {
  return table.get(arn) ?? table.get(parseFunctionArn(arn).name);
}

export function httpUrl(value: string, where: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${where}: invalid URL ${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${where}: ${value} is not an http(s) URL`);
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
