/**
 * Validates a request body against its input shape. Every constraint violation is collected and
 * reported in one InvalidParameterException, worded as Cognito words it ("1 validation error
 * detected: Value 'x' at 'userPoolId' failed to satisfy constraint: ..."). A value of the wrong
 * JSON type stops validation at once, as deserialisation does in AWS; Cognito itself answers that
 * case with a SerializationException that names no member, but our contract (issue 2) is an
 * InvalidParameterException naming the member, which every client maps to a modelled error.
 * Values of members the model marks sensitive are never echoed.
 */
import { InvalidParameter } from '../errors.js';
import type { ServiceModel, Shape } from './service-model.js';

const patterns = new Map<string, RegExp>();

function compiled(pattern: string): RegExp {
  let regex = patterns.get(pattern);
  if (!regex) {
    // Java's inline DOTALL flag has no JS spelling inside a pattern; the `s` flag does the same.
    const dotAll = pattern.startsWith('(?s)');
    regex = new RegExp(`^(?:${dotAll ? pattern.slice(4) : pattern})$`, dotAll ? 'us' : 'u');
    patterns.set(pattern, regex);
  }
  return regex;
}

/** Lower-cases the first letter, as AWS names members in validation messages. */
const wireName = (member: string) => member.charAt(0).toLowerCase() + member.slice(1);

export function validateInput(model: ServiceModel, shapeName: string, input: unknown): void {
  const problems: string[] = [];
  // JSON null for the whole body reads as no members at all, as it does for a single member.
  checkStructure(model, model.shapes[shapeName]!, input ?? {}, '', problems);
  if (problems.length === 0) return;
  const count = problems.length === 1 ? '1 validation error detected' : `${problems.length} validation errors detected`;
  throw InvalidParameter(`${count}: ${problems.join('; ')}`);
}

function checkStructure(model: ServiceModel, shape: Shape, value: unknown, path: string, problems: string[]): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw mismatch(path, 'a structure');
  const record = value as Record<string, unknown>;
  for (const member of shape.required ?? []) {
    if (record[member] === undefined || record[member] === null) {
      problems.push(`Value null at '${join(path, wireName(member))}' failed to satisfy constraint: Member must not be null`);
    }
  }
  for (const [member, memberShape] of Object.entries(shape.members ?? {})) {
    const memberValue = record[member];
    if (memberValue === undefined || memberValue === null) continue;
    check(model, memberShape, memberValue, join(path, wireName(member)), problems);
  }
}

const join = (path: string, member: string) => (path ? `${path}.${member}` : member);

function check(model: ServiceModel, shapeName: string, value: unknown, path: string, problems: string[]): void {
  const shape = model.shapes[shapeName]!;
  const shown = shape.sensitive ? 'Value' : `Value '${display(value)}'`;
  const fail = (constraint: string): void => {
    problems.push(`${shown} at '${path}' failed to satisfy constraint: ${constraint}`);
  };
  switch (shape.type) {
    case 'structure':
      return checkStructure(model, shape, value, path, problems);
    case 'list': {
      if (!Array.isArray(value)) throw mismatch(path, 'a list');
      checkSize(shape, value.length, 'length', fail);
      value.forEach((item, i) => {
        if (item === null || item === undefined) fail('Member must not contain null elements');
        else check(model, shape.member!, item, `${path}.${i + 1}.member`, problems);
      });
      return;
    }
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) throw mismatch(path, 'a map');
      const entries = Object.entries(value as Record<string, unknown>);
      checkSize(shape, entries.length, 'length', fail);
      for (const [key, item] of entries) {
        check(model, shape.key!, key, `${path}.${key}.key`, problems);
        if (item === null || item === undefined) fail('Member must not contain null values');
        else check(model, shape.value!, item, `${path}.${key}.value`, problems);
      }
      return;
    }
    case 'string':
      if (typeof value !== 'string') throw mismatch(path, 'a string');
      if (shape.enum && !shape.enum.includes(value)) return fail(`Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
      checkSize(shape, [...value].length, 'length', fail);
      if (shape.pattern && !compiled(shape.pattern).test(value)) fail(`Member must satisfy regular expression pattern: ${shape.pattern}`);
      return;
    case 'integer':
    case 'long':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw mismatch(path, 'an integer');
      return checkSize(shape, value, 'value', fail);
    case 'double':
    case 'float':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw mismatch(path, 'a number');
      return checkSize(shape, value, 'value', fail);
    case 'boolean':
      if (typeof value !== 'boolean') throw mismatch(path, 'a boolean');
      return;
    case 'timestamp':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw mismatch(path, 'a timestamp in epoch seconds');
      return;
    case 'blob':
      if (typeof value !== 'string') throw mismatch(path, 'base64-encoded binary data');
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0) throw mismatch(path, 'base64-encoded binary data');
      return checkSize(shape, Buffer.byteLength(value, 'base64'), 'length', fail);
  }
}

/** A value of the wrong JSON type; the value is not echoed, as it may be a secret. */
function mismatch(path: string, expected: string) {
  return InvalidParameter(`1 validation error detected: Value at '${path || 'request'}' failed to satisfy constraint: Member must be ${expected}`);
}

function checkSize(shape: Shape, size: number, what: 'length' | 'value', fail: (constraint: string) => void): void {
  if (shape.min !== undefined && size < shape.min) fail(`Member must have ${what} greater than or equal to ${shape.min}`);
  if (shape.max !== undefined && size > shape.max) fail(`Member must have ${what} less than or equal to ${shape.max}`);
}

function display(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 256 ? `${text.slice(0, 256)}...` : text;
}
