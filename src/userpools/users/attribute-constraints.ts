/**
 * Checks the length and value bounds a schema attribute declares. Cognito carries the bounds as
 * strings; a string attribute holds at most 2048 characters, and a lower bound may not exceed the
 * upper one.
 */
import type { NumberAttributeConstraintsType, StringAttributeConstraintsType } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameter } from '../../errors.js';

const MAX_STRING_LENGTH = 2048;

export function checkStringConstraints(name: string, constraints: StringAttributeConstraintsType): StringAttributeConstraintsType {
  const min = bound(name, 'StringAttributeConstraints', constraints.MinLength, /^\d+$/);
  const max = bound(name, 'StringAttributeConstraints', constraints.MaxLength, /^\d+$/);
  if ((min ?? 0) > MAX_STRING_LENGTH || (max ?? 0) > MAX_STRING_LENGTH) {
    throw InvalidParameter(`user.${name}: String attributes cannot have a length of more than ${MAX_STRING_LENGTH}`);
  }
  if (min !== undefined && max !== undefined && min > max) throw InvalidParameter(`user.${name}: Max length cannot be less than min length.`);
  return pick(constraints, ['MinLength', 'MaxLength']);
}

export function checkNumberConstraints(name: string, constraints: NumberAttributeConstraintsType): NumberAttributeConstraintsType {
  const min = bound(name, 'NumberAttributeConstraints', constraints.MinValue, /^-?\d+$/);
  const max = bound(name, 'NumberAttributeConstraints', constraints.MaxValue, /^-?\d+$/);
  if (min !== undefined && max !== undefined && min > max) throw InvalidParameter(`user.${name}: Max value cannot be less than min value.`);
  return pick(constraints, ['MinValue', 'MaxValue']);
}

function bound(name: string, kind: string, value: string | undefined, shape: RegExp): number | undefined {
  if (value === undefined) return undefined;
  if (!shape.test(value)) throw InvalidParameter(`Invalid ${kind} for schema attribute ${name}`);
  return Number(value);
}

/** Keeps only the named members that are present, so the echo has no nulls. */
function pick<T extends object>(value: T, keys: ReadonlyArray<keyof T>): T {
  const out: Partial<T> = {};
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out as T;
}
