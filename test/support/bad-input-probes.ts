/**
 * Bad bodies for every operation of a service model, each with the AWS error it must draw: malformed
 * JSON, a non-object, missing required members, each top-level member with the wrong JSON type,
 * strings past their length limits, values outside their enum.
 */
import type { ServiceModel, Shape } from '../../src/protocol/service-model.js';

export interface Probe {
  operation: string;
  label: string;
  body: string;
  /** The `__type` it must draw; undefined when any non-5xx answer (or 501 NotImplemented) will do. */
  type: string | undefined;
  /** Text the error message must contain. */
  mentions?: string;
  /** Text the error message must not contain (the value of a sensitive member). */
  secret?: string;
}

const INVALID = 'InvalidParameterException';

/** A value of the wrong JSON type for each model type. */
const WRONG_TYPE: Record<Shape['type'], unknown> = {
  string: 12345, integer: '12', long: '12', double: '1.5', float: '1.5', boolean: 'true',
  timestamp: 'yesterday', blob: 42, list: { not: 'a list' }, map: ['not', 'a', 'map'], structure: 'not a structure',
};

const wireName = (member: string) => member.charAt(0).toLowerCase() + member.slice(1);

export function probesFor(model: ServiceModel): Probe[] {
  const probes: Probe[] = [];
  for (const [operation, { input }] of Object.entries(model.operations)) {
    const shape = input ? model.shapes[input]! : { type: 'structure' as const };
    const add = (label: string, body: unknown, type: string | undefined, extra: Partial<Probe> = {}) =>
      probes.push({ operation, label, body: typeof body === 'string' ? body : JSON.stringify(body), type, ...extra });
    add('malformed JSON', '{"Unclosed": ', INVALID, { mentions: "Value at 'request'" });
    add('a JSON array', '[]', INVALID, { mentions: "Value at 'request'" });
    const required = shape.required ?? [];
    if (required.length) add('no members', {}, INVALID, { mentions: `Value null at '${wireName(required[0]!)}'` });
    else add('no members (none required)', {}, undefined);
    for (const [member, target] of Object.entries(shape.members ?? {})) {
      const memberShape = model.shapes[target]!;
      add(`${member} of the wrong type`, { [member]: WRONG_TYPE[memberShape.type] }, INVALID, { mentions: `Value at '${wireName(member)}'` });
      for (const [label, value] of badStrings(memberShape)) {
        add(`${member} ${label}`, { [member]: value }, INVALID, {
          mentions: `at '${wireName(member)}' failed to satisfy constraint`,
          ...(memberShape.sensitive && value.length > 3 ? { secret: value } : {}),
        });
      }
    }
  }
  return probes;
}

function badStrings(shape: Shape): [string, string][] {
  if (shape.type !== 'string') return [];
  if (shape.enum) return [['outside its enum', 'NOT_A_VALUE_OF_THE_ENUM']];
  const bad: [string, string][] = [];
  if (shape.max !== undefined) bad.push([`over ${shape.max} characters`, 'A1b2'.repeat(Math.ceil((shape.max + 1) / 4))]);
  if (shape.min !== undefined && shape.min > 0) bad.push([`under ${shape.min} characters`, 'a'.repeat(shape.min - 1)]);
  return bad;
}

/** Runs tasks with at most `width` in flight. */
export async function inParallel<T, R>(items: T[], width: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  async function lane() {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  }
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  return results;
}
