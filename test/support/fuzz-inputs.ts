/**
 * fast-check arbitraries for request bodies, derived from a service model's input shapes: values
 * that fit the shape (enum values, in-range lengths and numbers, the ids of a fixture pool so that
 * requests get past "not found"), values at and just past each boundary, values of the wrong JSON
 * type, unknown members, nesting around and far past the edge's limit, odd unicode and NULs, and
 * a few bodies that are not JSON objects at all.
 */
import fc from 'fast-check';
import type { ServiceModel, Shape } from '../../src/protocol/service-model.js';

/** Ids of a fixture pool, offered to members with these names so that some requests reach the domain code. */
export interface FuzzFixture {
  UserPoolId: string;
  ClientId: string;
  Username: string;
  GroupName: string;
  ResourceArn: string;
}

const FIXTURE_MEMBERS: Record<string, keyof FuzzFixture> = {
  UserPoolId: 'UserPoolId', ClientId: 'ClientId', Username: 'Username', GroupName: 'GroupName', ResourceArn: 'ResourceArn',
};

/** Strings that have broken parsers, patterns, collations or column types somewhere. */
const NASTY_STRINGS = [
  '', ' ', '\0', 'a\0b', '\u0000'.repeat(3), '\t\r\n', '\u2028', '\u2029', '\u00a0', '\ufeff', '\ud800', '\udfff', '\ud83d\ude00',
  'e\u0301', '\u202e', '\u0085', '\u001f', '\u007f', 'ǅ', 'İ', 'ß', '𝕬', '%00', '%', '\\', '\\u0000', '"', "'", "' OR '1'='1",
  '*', '_', '%_', '"; DROP TABLE users; --', '${x}', '{{x}}', '<script>', '../../etc/passwd', '__proto__', 'constructor',
  'toString', 'hasOwnProperty', 'null', 'undefined', 'NaN', 'true', '0', '-1', '1e999', '@'.repeat(300) + '\0',
  'a'.repeat(2049), 'email = "x"', 'username ^= ""', 'sub = "\0"', 'name = "\\"', 'us-east-1_', 'us-east-1_AAAAAAAAA',
];

const WRONG_VALUES: unknown[] = [null, true, false, 0, -1, 1.5, 2 ** 31, 2 ** 53, -(2 ** 63), 1e308, '', 'x', [], [null], {}, { a: 1 }, [[[]]]];

/** Nested arrays or objects `depth` deep around a value. */
export function nested(depth: number, kind: 'array' | 'object' | 'mixed' = 'array', inner: unknown = 1): unknown {
  let value = inner;
  for (let i = 0; i < depth; i++) value = kind === 'array' || (kind === 'mixed' && i % 2) ? [value] : { a: value };
  return value;
}

/** Deep nesting as JSON text, built without recursion (JSON.stringify of 5,000 levels may itself overflow). */
export function nestedText(depth: number, kind: 'array' | 'object' = 'array'): string {
  return kind === 'array' ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** A marker replaced in the rendered body by a raw JSON text (deep nesting that JSON.stringify cannot build). */
const RAW = Symbol('raw JSON');
interface RawJson { [RAW]: string }
const raw = (text: string): RawJson => ({ [RAW]: text });

const deepValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(30, 31, 32, 33, 40).chain((depth) => fc.constantFrom('array', 'object', 'mixed').map((kind) => nested(depth, kind as 'array'))),
  fc.constantFrom(1000, 5000).chain((depth) => fc.constantFrom('array', 'object').map((kind) => raw(nestedText(depth, kind as 'array')))),
);

const oddString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('\0', '\u2028', '\ud800', 'a', '@', '.', ' ', '\\', '"', 'é'), maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

export interface InputOptions {
  fixture?: FuzzFixture;
}

export function inputArbitrary(model: ServiceModel, shapeName: string | null, options: InputOptions = {}): fc.Arbitrary<unknown> {
  /** `calm` builds only values that fit their shapes, so that a share of the requests gets past validation. */
  const build = (name: string, member: string, depth: number, calm: boolean): fc.Arbitrary<unknown> => {
    const shape = model.shapes[name]!;
    const fitting = fittingValue(shape, member, depth, calm);
    if (calm) return fitting;
    return fc.oneof(
      // Most members fit, so that a body usually has one or two things wrong with it, not all.
      { weight: 60, arbitrary: fitting },
      { weight: 4, arbitrary: boundaryValue(shape) },
      { weight: 3, arbitrary: fc.constantFrom(...WRONG_VALUES) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
      { weight: shape.type === 'string' ? 6 : 0, arbitrary: oddString },
    );
  };

  const fittingValue = (shape: Shape, member: string, depth: number, calm: boolean): fc.Arbitrary<unknown> => {
    switch (shape.type) {
      case 'structure': return structure(shape, depth, calm);
      case 'list': return depth > 6 ? fc.constant([]) : fc.array(build(shape.member!, member, depth + 1, calm), { maxLength: Math.min(shape.max ?? 3, 3) });
      case 'map': return depth > 6 ? fc.constant({}) : fc.dictionary(
        calm ? stringValue(model.shapes[shape.key!]!, '') : fc.oneof(stringValue(model.shapes[shape.key!]!, ''), oddString),
        build(shape.value!, member, depth + 1, calm), { maxKeys: 3 });
      case 'string': return stringValue(shape, member);
      case 'integer': case 'long': return fc.integer({ min: shape.min ?? -1000, max: shape.max ?? 100_000 });
      case 'double': case 'float': return fc.double({ min: shape.min ?? -1e6, max: shape.max ?? 1e6, noNaN: true });
      case 'boolean': return fc.boolean();
      case 'timestamp': return fc.integer({ min: 0, max: 2_000_000_000 });
      case 'blob': return fc.uint8Array({ maxLength: 24 }).map((bytes) => Buffer.from(bytes).toString('base64'));
    }
  };

  const stringValue = (shape: Shape, member: string): fc.Arbitrary<string> => {
    if (shape.enum) return fc.constantFrom(...shape.enum);
    const fixtureKey = FIXTURE_MEMBERS[member];
    const min = shape.min ?? 0;
    const max = Math.min(shape.max ?? 64, Math.max(min, 64));
    const plain = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.@+='), minLength: min, maxLength: max });
    const matching = shape.pattern ? patternValue(shape.pattern, min, shape.max ?? Infinity, plain) : plain;
    if (fixtureKey && options.fixture) return fc.oneof({ weight: 3, arbitrary: fc.constant(options.fixture[fixtureKey]) }, { weight: 1, arbitrary: matching });
    return fc.oneof({ weight: 3, arbitrary: matching }, { weight: 1, arbitrary: plain });
  };

  const structure = (shape: Shape, depth: number, calm: boolean): fc.Arbitrary<Record<string, unknown>> => {
    if (depth > 6) return fc.constant({});
    const members = Object.entries(shape.members ?? {});
    const required = new Set(shape.required ?? []);
    const entries = members.map(([member, target]) => {
      const value = build(target, member, depth + 1, calm);
      // Required members are there nine times in ten, the others about half the time.
      return fc.oneof({ weight: required.has(member) ? (calm ? 30 : 9) : 1, arbitrary: value.map((v) => [member, v] as const) }, { weight: 1, arbitrary: fc.constant(undefined) });
    });
    const extra = calm ? fc.constant([] as [string, unknown][]) : fc.oneof(
      { weight: 8, arbitrary: fc.constant([] as [string, unknown][]) },
      { weight: 1, arbitrary: fc.array(fc.tuple(fc.oneof(oddString, fc.constantFrom('__proto__', 'constructor', 'Extra')), fc.jsonValue({ maxDepth: 1 })), { maxLength: 2 }) },
    );
    return fc.tuple(fc.tuple(...entries), extra).map(([present, extras]) => {
      const record: Record<string, unknown> = {};
      for (const [key, value] of extras) record[key] = value;
      for (const entry of present) if (entry) record[entry[0]] = entry[1];
      return record;
    });
  };

  if (!shapeName) return fc.constant({});
  const shape = model.shapes[shapeName]!;
  const members = Object.keys(shape.members ?? {});
  // Deep nesting replaces one top-level member of an otherwise fitting body (or comes as an extra one).
  const deep = fc.tuple(structure(shape, 0, true), fc.constantFrom(...members, 'Extra'), deepValue).map(([record, member, value]) => ({ ...record, [member]: value }));
  return fc.oneof({ weight: 4, arbitrary: structure(shape, 0, false) }, { weight: 2, arbitrary: structure(shape, 0, true) }, { weight: 1, arbitrary: deep });
}

/** Built once per pattern: fast-check expands each Unicode class of a pattern, which takes a while. */
const matchingArbitraries = new Map<string, fc.Arbitrary<string> | null>();

/**
 * Strings of a model pattern, where JavaScript reads it the same (most model patterns are plain
 * classes and quantifiers); `fallback` when it does not, or when the string misses the length limits.
 */
function patternValue(pattern: string, min: number, max: number, fallback: fc.Arbitrary<string>): fc.Arbitrary<string> {
  let matching = matchingArbitraries.get(pattern);
  // Unicode classes (\p{L}...) take fast-check seconds to expand, and plain letters satisfy them anyway.
  if (matching === undefined && /\\[pPsSwW]/.test(pattern)) matching = null;
  if (matching === undefined) {
    try {
      matching = fc.stringMatching(new RegExp(`^(?:${pattern})$`, 'u'), { size: 'small' });
    } catch {
      matching = null;
    }
    matchingArbitraries.set(pattern, matching);
  }
  if (!matching) return fallback;
  return matching.chain((value) => {
    const length = [...value].length;
    return length >= min && length <= max ? fc.constant(value) : fallback;
  });
}

/** Values at each side of a shape's limits. */
function boundaryValue(shape: Shape): fc.Arbitrary<unknown> {
  const values: unknown[] = [];
  if (shape.type === 'string') {
    for (const length of [shape.min, shape.max].filter((n): n is number => n !== undefined)) {
      for (const n of [length - 1, length, length + 1]) if (n >= 0 && n <= 140_001) values.push('a'.repeat(n), '\0'.repeat(Math.min(n, 4096)));
    }
    values.push('x'.repeat(140_000), '@'.repeat(48_000) + '\0');
  } else if (shape.type === 'integer' || shape.type === 'long') {
    for (const n of [shape.min, shape.max].filter((x): x is number => x !== undefined)) values.push(n - 1, n, n + 1);
    values.push(2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER + 2, 0.5, -0);
  } else if (shape.type === 'list' || shape.type === 'map') {
    const n = Math.min((shape.max ?? 100) + 1, 201);
    values.push(shape.type === 'list' ? Array.from({ length: n }, () => 'x') : Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v'])));
  } else if (shape.type === 'blob') {
    values.push('not base64!', '=', 'AAA', 'A'.repeat(8192));
  }
  return values.length ? fc.constantFrom(...values) : fc.constantFrom(...WRONG_VALUES);
}

/** A whole request body as sent: mostly the shape's JSON, sometimes something that is not a JSON object. */
export function bodyArbitrary(model: ServiceModel, shapeName: string | null, options: InputOptions = {}): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 30, arbitrary: inputArbitrary(model, shapeName, options).map(render) },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.constantFrom('', 'null', '[]', '"x"', '1', '{', '{"a":}', '{"a":1,}', '\u0000', '{"a":"\ud800"}', '\ufeff{}', nestedText(5000), nestedText(5000, 'object')),
        fc.string({ unit: 'binary', maxLength: 30 }),
        fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? 'null'),
      ),
    },
  );
}

/** JSON text of a body, with any raw deep-nesting markers spliced in. */
export function render(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, item: unknown) => {
    if (item && typeof item === 'object' && RAW in item) {
      raws.push((item as RawJson)[RAW]);
      return `\u0001RAW${raws.length - 1}\u0001`;
    }
    return item;
  }) ?? 'null';
  return raws.length ? text.replace(/"\\u0001RAW(\d+)\\u0001"/g, (_match, index: string) => raws[Number(index)]!) : text;
}
