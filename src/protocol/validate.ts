/**
 * Validates a request body against its input shape. Every constraint violation is collected and
 * reported in one InvalidParameterException, worded as Cognito words it ("1 validation error
 * detected: Value 'x' at 'userPoolId' failed to satisfy constraint: ..."). A value of the wrong
 * JSON type stops validation at once, as deserialisation does in AWS; Cognito itself answers that
 * case with a SerializationException that names no member, but our contract (issue 2) is an
 * InvalidParameterException naming the member, which every client maps to a modelled error.
 *
 * Hard inputs (issue 6): a value's type is checked before anything renders it; a string's length
 * before its pattern, which is not run at all on a value already too long; patterns run on a
 * linear-time engine with their Java meaning (java-pattern.ts); a string holding U+0000, which
 * PostgreSQL cannot store, is refused whatever its pattern; numbers must fit the model's integer
 * types. Values of members the model marks sensitive, and everything inside them (the PASSWORD
 * of AuthParameters), are never echoed.
 */
import { InvalidParameter } from '../errors.js';
import { javaPattern } from './java-pattern.js';
import type { ServiceModel, Shape } from './service-model.js';

/** How many violations the message spells out; the count still says how many there were. */
const MAX_REPORTED = 10;
const INT32 = 2 ** 31;

/** Lower-cases the first letter, as AWS names members in validation messages. */
const wireName = (member: string) => member.charAt(0).toLowerCase() + member.slice(1);

export function validateInput(model: ServiceModel, shapeName: string, input: unknown): void {
  const problems: string[] = [];
  // JSON null for the whole body reads as no members at all, as it does for a single member.
  checkStructure(model, model.shapes[shapeName]!, input ?? {}, '', problems, false);
  if (problems.length === 0) return;
  const count = problems.length === 1 ? '1 validation error detected' : `${problems.length} validation errors detected`;
  throw InvalidParameter(`${count}: ${problems.slice(0, MAX_REPORTED).join('; ')}`);
}

function checkStructure(model: ServiceModel, shape: Shape, value: unknown, path: string, problems: string[], hidden: boolean): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw mismatch(path, 'a structure');
  const record = value as Record<string, unknown>;
  for (const member of shape.required ?? []) {
    if (record[member] === undefined || record[member] === null) {
      problems.push(`Value null at '${join(path, wireName(member))}' failed to satisfy constraint: Member must not be null`);
    }
  }
  for (const [member, memberShape] of Object.entries(shape.members ?? {})) {
    if (!Object.hasOwn(record, member)) continue;
    const memberValue = record[member];
    if (memberValue === undefined || memberValue === null) continue;
    check(model, memberShape, memberValue, join(path, wireName(member)), problems, hidden || shape.sensitive === true);
  }
}

const join = (path: string, member: string) => (path ? `${path}.${member}` : member);

function check(model: ServiceModel, shapeName: string, value: unknown, path: string, problems: string[], inherited: boolean): void {
  const shape = model.shapes[shapeName]!;
  const hidden = inherited || shape.sensitive === true;
  // Rendered only once the type is known to be right, and only when a constraint fails.
  const fail = (constraint: string): void => {
    problems.push(`${hidden ? 'Value' : `Value '${display(value)}'`} at '${path}' failed to satisfy constraint: ${constraint}`);
  };
  switch (shape.type) {
    case 'structure':
      return checkStructure(model, shape, value, path, problems, hidden);
    case 'list': {
      if (!Array.isArray(value)) throw mismatch(path, 'a list');
      checkSize(shape, value.length, 'length', fail);
      value.forEach((item, i) => {
        if (item === null || item === undefined) fail('Member must not contain null elements');
        else check(model, shape.member!, item, `${path}.${i + 1}.member`, problems, hidden);
      });
      return;
    }
    case 'map': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw mismatch(path, 'a map');
      const entries = Object.entries(value as Record<string, unknown>);
      checkSize(shape, entries.length, 'length', fail);
      for (const [key, item] of entries) {
        const at = `${path}.${truncated(key)}`;
        check(model, shape.key!, key, `${at}.key`, problems, hidden);
        if (item === null || item === undefined) fail('Member must not contain null values');
        else check(model, shape.value!, item, `${at}.value`, problems, hidden);
      }
      return;
    }
    case 'string':
      if (typeof value !== 'string') throw mismatch(path, 'a string');
      return checkString(shape, value, fail);
    case 'integer':
    case 'long':
      // JSON numbers past the model's integer types would not deserialise in AWS (and overflow a column here).
      if (typeof value !== 'number' || !Number.isInteger(value)) throw mismatch(path, 'an integer');
      if (shape.type === 'integer' ? value < -INT32 || value >= INT32 : !Number.isSafeInteger(value)) throw mismatch(path, 'an integer');
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

/**
 * Enum, then length, then pattern. A value over its maximum length is not matched at all: the
 * length already refuses it, and the pattern would only spend time on it. U+0000 is refused where
 * the pattern let it through (or there is none): PostgreSQL cannot store it, and SQLite would.
 */
function checkString(shape: Shape, value: string, fail: (constraint: string) => void): void {
  if (shape.enum) {
    if (!shape.enum.includes(value)) fail(`Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
    return;
  }
  // Code points, as Java counts them; past twice the maximum in UTF-16 units the value is too long anyway.
  const length = value.length > 2 * (shape.max ?? Infinity) ? value.length : [...value].length;
  checkSize(shape, length, 'length', fail);
  if (shape.max !== undefined && length > shape.max) return;
  if (shape.pattern && !javaPattern(shape.pattern).matches(value)) return fail(`Member must satisfy regular expression pattern: ${shape.pattern}`);
  if (value.includes('\0')) fail('Member must not contain the null character U+0000');
}

/** A value of the wrong JSON type; the value is not echoed, as it may be a secret. */
function mismatch(path: string, expected: string) {
  return InvalidParameter(`1 validation error detected: Value at '${path || 'request'}' failed to satisfy constraint: Member must be ${expected}`);
}

function checkSize(shape: Shape, size: number, what: 'length' | 'value', fail: (constraint: string) => void): void {
  if (shape.min !== undefined && size < shape.min) fail(`Member must have ${what} greater than or equal to ${shape.min}`);
  if (shape.max !== undefined && size > shape.max) fail(`Member must have ${what} less than or equal to ${shape.max}`);
}

const truncated = (text: string) => (text.length > 256 ? `${text.slice(0, 256)}...` : text);

/** A failing value as the message shows it: scalars as they are, lists and maps in JSON, at most 256 characters. */
function display(value: unknown): string {
  if (typeof value === 'string') return truncated(value);
  if (typeof value !== 'object' || value === null) return String(value);
  // Containers are shown by their first items only: never a walk over everything the client sent.
  const preview = Array.isArray(value) ? value.slice(0, 8) : Object.fromEntries(Object.entries(value).slice(0, 8));
  let text: string;
  try {
    text = JSON.stringify(preview, (_key, item: unknown) => (typeof item === 'object' && item !== null && _key !== '' ? '...' : item));
  } catch {
    text = '...';
  }
  return truncated(text);
}
