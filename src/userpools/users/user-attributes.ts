/**
 * User attributes against the pool's schema: which may be written (and by whom), what values
 * they may hold, which are required, and how they are listed back.
 */
import type { AttributeType, SchemaAttributeType } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameter, NotAuthorized } from '../../errors.js';
import type { PoolRecord } from '../../store/user-pools.js';
import { findAttribute, schemaAttributes } from '../pools/schema-attributes.js';

/** Who is writing: an administrator may write developer-only and immutable-at-create attributes. */
export type Writer = 'admin' | 'user';

const EMAIL = /^[^\s@]+@[^\s@]+$/;
const PHONE = /^\+[0-9]{4,15}$/;

/** Turns the wire list into a map, refusing duplicates. */
export function attributeMap(list: AttributeType[] | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const { Name, Value } of list ?? []) {
    if (Name! in map) throw InvalidParameter(`Duplicate attribute name: ${Name}`);
    map[Name!] = Value ?? '';
  }
  return map;
}

/**
 * Checks attributes about to be written. `creating` allows immutable attributes to be set once;
 * `writable` is the app client's WriteAttributes, when the write comes through a client.
 */
export function validateAttributes(pool: PoolRecord, attributes: Record<string, string>, options: { writer: Writer; creating: boolean; writable?: string[] }): void {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(attributes)) {
    const schema = findAttribute(pool, name);
    if (!schema || name === 'sub') {
      problems.push(`${name}: Attribute does not exist in the schema.`);
      continue;
    }
    if (options.writable && options.writable.length > 0 && !options.writable.includes(name)) {
      throw NotAuthorized('A client attempted to write unauthorized attribute');
    }
    // Only an administrator, or a code the server sent, may mark an address verified: a user who
    // could would claim someone else's email or phone as a sign-in alias.
    const verificationFlag = name === 'email_verified' || name === 'phone_number_verified';
    if ((schema.DeveloperOnlyAttribute || verificationFlag) && options.writer !== 'admin') throw NotAuthorized('A client attempted to write unauthorized attribute');
    if (!options.creating && schema.Mutable === false) {
      problems.push(`${name}: Attribute cannot be updated. (changing an immutable attribute)`);
      continue;
    }
    const problem = valueProblem(name, schema, value);
    if (problem) problems.push(`${name}: ${problem}`);
  }
  if (problems.length) throw InvalidParameter(`Attributes did not conform to the schema: ${problems.join('\n')}`);
  if (attributes.email !== undefined && !EMAIL.test(attributes.email)) throw InvalidParameter('Invalid email address format.');
  if (attributes.phone_number !== undefined && !PHONE.test(attributes.phone_number)) throw InvalidParameter('Invalid phone number format.');
}

function valueProblem(name: string, schema: SchemaAttributeType, value: string): string | undefined {
  if (name.endsWith('_verified') || schema.AttributeDataType === 'Boolean') {
    return value === 'true' || value === 'false' ? undefined : 'Attribute value must be true or false.';
  }
  if (schema.AttributeDataType === 'Number') {
    const n = Number(value);
    const { MinValue, MaxValue } = schema.NumberAttributeConstraints ?? {};
    if (value.trim() === '' || !Number.isFinite(n)) return 'Number must be a number.';
    if (MinValue !== undefined && n < Number(MinValue)) return `Number must be no less than ${MinValue}`;
    if (MaxValue !== undefined && n > Number(MaxValue)) return `Number must be no greater than ${MaxValue}`;
    return undefined;
  }
  const { MinLength, MaxLength } = schema.StringAttributeConstraints ?? {};
  const length = [...value].length;
  if (MaxLength !== undefined && length > Number(MaxLength)) return `String must be no longer than ${MaxLength} characters`;
  if (MinLength !== undefined && length < Number(MinLength)) return `String must be no shorter than ${MinLength} characters`;
  return undefined;
}

/** Refuses a new user that lacks a required attribute. */
export function checkRequiredAttributes(pool: PoolRecord, attributes: Record<string, string>): void {
  const missing = schemaAttributes(pool).filter((a) => a.Required && a.Name !== 'sub' && !attributes[a.Name!]).map((a) => a.Name!);
  if (missing.length) throw InvalidParameter(`Attributes did not conform to the schema: ${missing.map((name) => `${name}: The attribute is required`).join('\n')}`);
}

/** A user's attributes on the wire, `sub` first; limited to `readable` when a client reads them. */
export function attributeList(attributes: Record<string, string>, readable?: string[]): AttributeType[] {
  const names = Object.keys(attributes).filter((name) => !readable || readable.length === 0 || name === 'sub' || readable.includes(name));
  names.sort((a, b) => (a === 'sub' ? -1 : b === 'sub' ? 1 : 0));
  return names.map((Name) => ({ Name, Value: attributes[Name]! }));
}

/** Whether a value has the shape Cognito accepts for `email`. */
export const isEmailAddress = (value: string) => EMAIL.test(value);

/** Whether a value has the E.164 shape Cognito accepts for `phone_number`. */
export const isPhoneNumber = (value: string) => PHONE.test(value);
