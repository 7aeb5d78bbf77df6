/**
 * Cognito's standard user attributes, in the order and with the exact constraints DescribeUserPool
 * returns for a pool that did not customise them (OpenID Connect Core §5.1 claims plus Cognito's
 * `identities`). Constraints are strings on the wire, as Cognito sends them.
 */
import type { SchemaAttributeType } from '@aws-sdk/client-cognito-identity-provider';

const text = (minLength: string, maxLength: string): SchemaAttributeType => ({
  AttributeDataType: 'String', DeveloperOnlyAttribute: false, Mutable: true, Required: false,
  StringAttributeConstraints: { MinLength: minLength, MaxLength: maxLength },
});

const flag: SchemaAttributeType = { AttributeDataType: 'Boolean', DeveloperOnlyAttribute: false, Mutable: true, Required: false };

const STANDARD: ReadonlyArray<[string, SchemaAttributeType]> = [
  ['sub', { ...text('1', '2048'), Mutable: false, Required: true }],
  ['name', text('0', '2048')],
  ['given_name', text('0', '2048')],
  ['family_name', text('0', '2048')],
  ['middle_name', text('0', '2048')],
  ['nickname', text('0', '2048')],
  ['preferred_username', text('0', '2048')],
  ['profile', text('0', '2048')],
  ['picture', text('0', '2048')],
  ['website', text('0', '2048')],
  ['email', text('0', '2048')],
  ['email_verified', flag],
  ['gender', text('0', '2048')],
  // OIDC's YYYY-MM-DD, hence exactly ten characters.
  ['birthdate', text('10', '10')],
  ['zoneinfo', text('0', '2048')],
  ['locale', text('0', '2048')],
  ['phone_number', text('0', '2048')],
  ['phone_number_verified', flag],
  ['address', text('0', '2048')],
  ['updated_at', { AttributeDataType: 'Number', DeveloperOnlyAttribute: false, Mutable: true, Required: false, NumberAttributeConstraints: { MinValue: '0' } }],
  // Linked federated identities; Cognito returns it with empty constraints.
  ['identities', { AttributeDataType: 'String', DeveloperOnlyAttribute: false, Mutable: true, Required: false, StringAttributeConstraints: {} }],
];

const byName = new Map(STANDARD);

/** The standard attribute names, in Cognito's order. */
export const STANDARD_ATTRIBUTE_NAMES: readonly string[] = STANDARD.map(([name]) => name);

/** A fresh copy of a standard attribute's default definition, or undefined for other names. */
export function standardAttribute(name: string): SchemaAttributeType | undefined {
  const definition = byName.get(name);
  return definition && structuredClone({ Name: name, ...definition });
}

export function isStandardAttribute(name: string): boolean {
  return byName.has(name);
}
