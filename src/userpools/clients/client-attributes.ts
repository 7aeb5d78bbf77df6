/**
 * Which user attributes an app client may read and write. Both lists must name attributes of the
 * pool's schema; no client may write `sub`, the verification flags or developer-only attributes;
 * and every client must be able to write the attributes the pool requires, since its users sign
 * up through it. Cognito refuses with one message per list, naming no attribute.
 */
import type { SchemaAttributeType } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameter } from '../../errors.js';
import type { ClientSettings } from '../../store/user-pool-clients.js';
import { STANDARD_ATTRIBUTE_NAMES } from '../pools/standard-attributes.js';

const NEVER_WRITABLE = new Set(['sub', 'email_verified', 'phone_number_verified']);
const STANDARD = new Set(STANDARD_ATTRIBUTE_NAMES);

export type ClientAction = 'creating' | 'updating';

interface SchemaView {
  known: Set<string>;
  unwritable: Set<string>;
  required: string[];
}

export function checkClientAttributes(settings: ClientSettings, schema: readonly SchemaAttributeType[] | undefined, action: ClientAction): void {
  // Without a stored schema, the standard attributes every pool has.
  const view = schemaView(schema ?? STANDARD_ATTRIBUTE_NAMES.map((Name) => ({ Name })));
  if (settings.ReadAttributes?.some((name) => !view.known.has(name))) {
    throw InvalidParameter(`Invalid read attributes specified while ${action} a client`);
  }
  const write = settings.WriteAttributes;
  if (!write) return;
  const writable = (name: string) => view.known.has(name) && !view.unwritable.has(name);
  if (!write.every(writable) || !view.required.every((name) => write.includes(name))) {
    throw InvalidParameter(`Invalid write attributes specified while ${action} a client`);
  }
}

/** Custom attributes are named `custom:<name>` by clients; a schema may list them with or without the prefix. */
function schemaView(schema: readonly SchemaAttributeType[]): SchemaView {
  const view: SchemaView = { known: new Set(), unwritable: new Set(NEVER_WRITABLE), required: [] };
  for (const attribute of schema) {
    if (!attribute.Name) continue;
    const names = clientNames(attribute);
    for (const name of names) view.known.add(name);
    if (attribute.DeveloperOnlyAttribute) for (const name of names) view.unwritable.add(name);
    // `sub` is required but Cognito sets it, so no client writes it.
    if (attribute.Required && !NEVER_WRITABLE.has(names[0]!)) view.required.push(names[0]!);
  }
  return view;
}

function clientNames(attribute: SchemaAttributeType): string[] {
  const name = attribute.Name!;
  if (STANDARD.has(name) || name.startsWith('custom:') || name.startsWith('dev:')) return [name];
  return [`custom:${name}`, name];
}
