/**
 * The service models' `pattern`s are Java regular expressions, matched against the whole value.
 * They run here on re2js, a linear-time engine (no backtracking, so no input can hold the server),
 * after a translation that gives each construct its Java meaning rather than RE2's or
 * JavaScript's: `\s` is [ \t\n\x0B\f\r] (JavaScript's would take U+2028 and every Unicode space),
 * `\w` and `\d` are ASCII, `.` stops at Java's line terminators (\n \r U+0085 U+2028 U+2029)
 * unless `(?s)` opens the pattern. Constructs the models do not use and RE2 cannot run
 * (lookaround, back-references, class unions and intersections) are refused when the pattern is
 * compiled, so a new model that brings one fails the pattern tests rather than matching wrongly.
 */
import { RE2JS } from 're2js';

export interface CompiledPattern {
  /** True when the whole value matches. */
  matches(value: string): boolean;
}

type Range = [number, number];

const SPACE: Range[] = [[0x09, 0x0d], [0x20, 0x20]];
const WORD: Range[] = [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]];
const DIGIT: Range[] = [[0x30, 0x39]];
const LINE_TERMINATORS: Range[] = [[0x0a, 0x0a], [0x0d, 0x0d], [0x85, 0x85], [0x2028, 0x2029]];
const MAX_CODE_POINT = 0x10ffff;

const CLASS_ESCAPES: Record<string, Range[]> = {
  s: SPACE, S: complement(SPACE), w: WORD, W: complement(WORD), d: DIGIT, D: complement(DIGIT),
};

function complement(ranges: Range[]): Range[] {
  const out: Range[] = [];
  let next = 0;
  for (const [low, high] of ranges) {
    if (low > next) out.push([next, low - 1]);
    next = high + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

const hex = (code: number) => `\\x{${code.toString(16)}}`;
/** Ranges as the inside of an RE2 character class. */
const rangesText = (ranges: Range[]) => ranges.map(([low, high]) => (low === high ? hex(low) : `${hex(low)}-${hex(high)}`)).join('');

/** Rewrites a Java pattern into RE2 syntax with the same meaning; throws on what it cannot carry over. */
export function translateJavaPattern(pattern: string): string {
  let dotAll = false;
  let source = pattern;
  if (source.startsWith('(?s)')) {
    dotAll = true;
    source = source.slice(4);
  }
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const [text, width] = escape(source, i, inClass);
      out += text;
      i += width - 1;
      continue;
    }
    if (inClass) {
      if (c === '[') throw new Error(`unsupported class union in pattern ${pattern}`);
      if (c === '&' && source[i + 1] === '&') throw new Error(`unsupported class intersection in pattern ${pattern}`);
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (source[i + 1] === '^') out += source[++i];
      if (source[i + 1] === ']') throw new Error(`unsupported leading ] in a class of pattern ${pattern}`);
      continue;
    }
    if (c === '(' && source[i + 1] === '?' && source[i + 2] !== ':') throw new Error(`unsupported group construct in pattern ${pattern}`);
    if (c === '.') {
      out += dotAll ? `[${rangesText([[0, MAX_CODE_POINT]])}]` : `[${rangesText(complement(LINE_TERMINATORS))}]`;
      continue;
    }
    out += c;
  }
  if (inClass) throw new Error(`unterminated class in pattern ${pattern}`);
  return out;
}

/** One escape at `source[i]` (a backslash): its RE2 text and how many characters it took. */
function escape(source: string, i: number, inClass: boolean): [string, number] {
  const letter = source[i + 1];
  if (letter === undefined) throw new Error(`trailing backslash in pattern ${source}`);
  const ranges = CLASS_ESCAPES[letter];
  if (ranges) return [inClass ? rangesText(ranges) : `[${rangesText(ranges)}]`, 2];
  if (letter === 'p' || letter === 'P') {
    if (source[i + 2] !== '{') return [source.slice(i, i + 3), 3];
    const end = source.indexOf('}', i);
    const name = source.slice(i + 3, end);
    // General categories mean the same in Java and RE2; Java's other property names do not exist in RE2.
    if (end < 0 || !/^(L|M|S|N|P|Z|C|L[ultmo]|M[nce]|N[dlo]|P[cdseifo]|S[mcko]|Z[slp]|C[cfon])$/.test(name)) {
      throw new Error(`unsupported property \\${letter}{${name}} in pattern ${source}`);
    }
    return [source.slice(i, end + 1), end + 1 - i];
  }
  if (letter === 'x') {
    if (source[i + 2] === '{') {
      const end = source.indexOf('}', i);
      return [source.slice(i, end + 1), end + 1 - i];
    }
    return [source.slice(i, i + 4), 4];
  }
  if (letter === 'u') return [hex(Number.parseInt(source.slice(i + 2, i + 6), 16)), 6];
  if ('tnrf'.includes(letter)) return [source.slice(i, i + 2), 2];
  // Any other escaped letter or digit has a meaning (a back-reference, \b, \Q...) we do not carry over.
  if (/[A-Za-z0-9]/.test(letter)) throw new Error(`unsupported escape \\${letter} in pattern ${source}`);
  return [source.slice(i, i + 2), 2];
}

const compiledPatterns = new Map<string, CompiledPattern>();

/** The compiled form of a model pattern, cached: a pattern is translated and compiled once per process. */
export function javaPattern(pattern: string): CompiledPattern {
  let compiled = compiledPatterns.get(pattern);
  if (!compiled) {
    const regex = RE2JS.compile(`(?:${translateJavaPattern(pattern)})`);
    compiled = { matches: (value) => regex.testExact(value) };
    compiledPatterns.set(pattern, compiled);
  }
  return compiled;
}
