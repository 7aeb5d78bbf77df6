/**
 * The models' patterns are Java regular expressions: every one of them compiles here, means what
 * it means in Java, and runs in linear time, so that no value can hold the server (issue 6).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { model as identityModel } from '../../src/protocol/generated/cognito-identity.js';
import { model } from '../../src/protocol/generated/cognito-idp.js';
import { javaPattern, translateJavaPattern } from '../../src/protocol/java-pattern.js';
import type { ServiceModel } from '../../src/protocol/service-model.js';

const MODELS: [string, ServiceModel][] = [['cognito-idp', model], ['cognito-identity', identityModel]];

/** Long runs of what patterns repeat, each spoiled at the end: what makes a backtracking engine take exponential or quadratic time. */
function adversarial(length: number): string[] {
  const runs = ['@', 'a', ' ', 'a@', 'ab', '{#', '-', '0', ':', '.', '\t', 'arn:a:'];
  const spoilers = ['\0', '!', '\u2028', '\n', '_', '\ud800', ''];
  return runs.flatMap((run) => spoilers.map((spoiler) => run.repeat(Math.ceil(length / run.length)).slice(0, length) + spoiler));
}

describe('Java patterns: every pattern of every model', () => {
  for (const [name, service] of MODELS) {
    const patterns = [...new Set(Object.values(service.shapes).flatMap((shape) => (shape.pattern ? [shape.pattern] : [])))];

    it(`compiles every pattern of ${name} on the linear-time engine`, () => {
      assert.ok(patterns.length >= 10, `${patterns.length} patterns`);
      for (const pattern of patterns) assert.doesNotThrow(() => javaPattern(pattern), pattern);
    });

    it(`matches adversarial strings against every pattern of ${name} in linear time`, () => {
      // 30,000 characters: past every bounded length but EmailMessage's 20,000, so this is what an unbounded member (or a
      // pattern running before its length check, as it did) would face. A backtracking engine
      // takes seconds to years on these; the limit leaves room for a slow machine. CPU time, not
      // wall time: on a shared, loaded machine the same work took 14 times as long by the clock.
      const inputs = adversarial(30_000);
      for (const pattern of patterns) {
        const compiled = javaPattern(pattern);
        const started = process.cpuUsage();
        for (const input of inputs) compiled.matches(input);
        const { user, system } = process.cpuUsage(started);
        const elapsed = (user + system) / 1000;
        assert.ok(elapsed < 2_000, `${pattern}: ${inputs.length} inputs took ${elapsed.toFixed(0)} ms of CPU`);
      }
    });
  }

  it('takes time in proportion to the length of the value', () => {
    const pattern = javaPattern('[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+@[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+');
    const time = (length: number) => {
      const value = `${'@'.repeat(length)}\0`;
      const started = performance.now();
      for (let i = 0; i < 3; i++) pattern.matches(value);
      return performance.now() - started;
    };
    time(20_000);
    const small = time(50_000);
    const large = time(400_000);
    // Eight times the input: linear gives about 8x, quadratic 64x.
    assert.ok(large < small * 24 + 50, `50k: ${small.toFixed(1)} ms, 400k: ${large.toFixed(1)} ms`);
  });
});

describe('Java patterns: Java meanings', () => {
  const matches = (pattern: string, value: string) => javaPattern(pattern).matches(value);

  it('reads \\s as Java does: ASCII whitespace only, so U+2028 is refused in a PoolName', () => {
    const poolName = model.shapes.UserPoolNameType!.pattern!;
    assert.ok(matches(poolName, 'my pool\t1'));
    for (const space of ['\u2028', '\u2029', '\u00a0', '\u0085', '\u3000', '\u200b', '\ufeff']) {
      assert.ok(!matches(poolName, `my${space}pool`), `U+${space.codePointAt(0)!.toString(16)}`);
    }
    for (const space of [' ', '\t', '\n', '\u000b', '\f', '\r']) assert.ok(matches('\\s', space), JSON.stringify(space));
    assert.ok(matches('\\S+', 'a\u2028b'), '\\S takes what \\s refuses');
  });

  it('reads \\w and \\d as ASCII, and \\p{...} as Unicode general categories', () => {
    assert.ok(matches('\\w+', 'abc_XYZ_019'));
    for (const letter of ['é', 'ß', 'ж', '٣', '１']) assert.ok(!matches('\\w', letter), letter);
    assert.ok(!matches('\\d', '٣'));
    assert.ok(matches('\\W', 'é'));
    assert.ok(matches('[\\p{L}]+', 'éßж'));
    assert.ok(matches('\\p{N}', '٣'));
    assert.ok(matches('\\p{Z}', '\u2028'), 'U+2028 is a line separator, category Zl');
    assert.ok(!matches('[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]', '\0'), 'U+0000 is a control character');
    assert.ok(!matches('[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]', '\ud800'), 'a lone surrogate is in no category listed');
  });

  it('reads . as Java does: not a line terminator, unless (?s) opens the pattern', () => {
    for (const terminator of ['\n', '\r', '\u0085', '\u2028', '\u2029']) {
      assert.ok(!matches('.*\\{####\\}.*', `code ${terminator}{####}`), `U+${terminator.codePointAt(0)!.toString(16)}`);
      assert.ok(matches('(?s).*', `a${terminator}b`));
    }
    assert.ok(matches('.', '\u000b'), 'a vertical tab is no line terminator in Java');
    assert.ok(matches('.', '😀'), 'a supplementary character is one code point');
  });

  it('matches the whole value, as String.matches does', () => {
    assert.ok(!matches('[a-z]+', 'abc1'));
    assert.ok(!matches('^[a-z]+$', 'abc\n'));
    assert.ok(matches('a|ab', 'ab'));
  });

  it('refuses to compile what it cannot carry over, rather than match it wrongly', () => {
    for (const pattern of ['(?=a)a', '(a)\\1', '[a-z&&[^b]]', '[a[b]]', '\\p{Alpha}', '\\bword', '(?i)a', '\\Qa\\E']) {
      assert.throws(() => translateJavaPattern(pattern), Error, pattern);
    }
  });
});
