/**
 * A pool's attribute schema: Cognito's standard attributes, customised where CreateUserPool asked,
 * followed by custom attributes (`custom:<Name>`, or `dev:custom:<Name>` when developer-only).
 * The merged list is stored as the pool's `SchemaAttributes` setting; other modules read it
 * through `schemaAttributes(pool)` and `findAttribute(pool, name)`.
 * Messages follow Cognito's wording where it is known (the ones moto reproduces from the service).
 */
import type { SchemaAttributeType } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameter } from '../../errors.js';
import type { PoolRecord } from '../../store/user-pools.js';
import { checkNumberConstraints, checkStringConstraints } from '../users/attribute-constraints.js';
import { STANDARD_ATTRIBUTE_NAMES, isStandardAttribute, standardAttribute } from './standard-attributes.js';

/** Cognito's quota of custom attributes per pool. */
export const MAX_CUSTOM_ATTRIBUTES = 50;

/** The attribute definitions of a pool, standard first, in Cognito's order. */
export function schemaAttributes(pool: Pick<PoolRecord, 'settings'>): SchemaAttributeType[] {
  return pool.settings.SchemaAttributes ?? [];
}

/** One attribute's definition by its full name (`email`, `custom:plan`, `dev:custom:tier`). */
export function findAttribute(pool: Pick<PoolRecord, 'settings'>, name: string): SchemaAttributeType | undefined {
  return schemaAttributes(pool).find((attribute) => attribute.Name === name);
}

/** The schema of a new pool from CreateUserPool's `Schema`. */
export function buildSchema(requested: readonly SchemaAttributeType[] = []): SchemaAttributeType[] {
  const customised = new Map<string, SchemaAttributeType>();
  const custom: SchemaAttributeType[] = [];
  for (const entry of requested) {
    const name = requireName(entry);
    if (isStandardAttribute(name)) {
      if (customised.has(name)) throw duplicate(name, name);
      customised.set(name, customiseStandard(name, entry));
    } else {
      custom.push(customAttribute(name, entry));
    }
  }
  const standard = STANDARD_ATTRIBUTE_NAMES.map((name) => customised.get(name) ?? standardAttribute(name)!);
  return appendCustom(standard, custom);
}

/** AddCustomAttributes: every requested name becomes a custom attribute, appended to the schema. */
export function withCustomAttributes(schema: readonly SchemaAttributeType[], requested: readonly SchemaAttributeType[]): SchemaAttributeType[] {
  return appendCustom(schema, requested.map((entry) => customAttribute(requireName(entry), entry)));
}

function appendCustom(schema: readonly SchemaAttributeType[], added: readonly SchemaAttributeType[]): SchemaAttributeType[] {
  const names = new Set(schema.map((attribute) => attribute.Name));
  for (const attribute of added) {
    const name = attribute.Name!;
    if (names.has(name)) throw duplicate(name.replace(/^dev:/, ''), name);
    names.add(name);
  }
  const result = [...schema, ...added];
  const customCount = result.filter((attribute) => !isStandardAttribute(attribute.Name!)).length;
  if (customCount > MAX_CUSTOM_ATTRIBUTES) {
    throw InvalidParameter(`A user pool can have at most ${MAX_CUSTOM_ATTRIBUTES} custom attributes.`);
  }
  return result;
}

function requireName(entry: SchemaAttributeType): string {
  if (!entry.Name) throw InvalidParameter('Schema attribute name cannot be null or empty.');
  return entry.Name;
}

const duplicate = (name: string, existing: string) => InvalidParameter(`${name}: Existing attribute already has name ${existing}.`);

/** A standard attribute may change only whether it is required, mutable, and its constraints. */
function customiseStandard(name: string, entry: SchemaAttributeType): SchemaAttributeType {
  const base = standardAttribute(name)!;
  if ((entry.AttributeDataType && entry.AttributeDataType !== base.AttributeDataType) || entry.DeveloperOnlyAttribute) {
    throw InvalidParameter(`You can not change AttributeDataType or set developerOnlyAttribute for standard schema attribute ${name}`);
  }
  // `sub` is the user's immutable, always-present identifier.
  if (name === 'sub' && (entry.Mutable === true || entry.Required === false)) {
    throw InvalidParameter('You can not change Mutable or Required for standard schema attribute sub');
  }
  const attribute: SchemaAttributeType = { ...base, Mutable: entry.Mutable ?? base.Mutable, Required: entry.Required ?? base.Required };
  return withConstraints(attribute, entry);
}

function customAttribute(baseName: string, entry: SchemaAttributeType): SchemaAttributeType {
  if (!entry.AttributeDataType) throw InvalidParameter('Invalid AttributeDataType input, consider using the provided AttributeDataType enum.');
  if (entry.Required) throw InvalidParameter('Required custom attributes are not supported currently.');
  const developerOnly = entry.DeveloperOnlyAttribute ?? false;
  const attribute: SchemaAttributeType = {
    Name: `${developerOnly ? 'dev:' : ''}custom:${baseName}`,
    AttributeDataType: entry.AttributeDataType,
    DeveloperOnlyAttribute: developerOnly,
    Mutable: entry.Mutable ?? true,
    Required: false,
  };
  return withConstraints(attribute, entry);
}

/** Takes the requested constraints that fit the attribute's data type, once they are checked. */
function withConstraints(attribute: SchemaAttributeType, entry: SchemaAttributeType): SchemaAttributeType {
  const name = attribute.Name!;
  if (attribute.AttributeDataType === 'String' && entry.StringAttributeConstraints) {
    return { ...attribute, StringAttributeConstraints: checkStringConstraints(name, entry.StringAttributeConstraints) };
  }
  if (attribute.AttributeDataType === 'Number' && entry.NumberAttributeConstraints) {
    return { ...attribute, NumberAttributeConstraints: checkNumberConstraints(name, entry.NumberAttributeConstraints) };
  }
  return attribute;
}
