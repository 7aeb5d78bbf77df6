/**
 * Opaque pagination tokens: the position to resume after, encoded so clients cannot depend on it.
 * A token that does not decode is the client's fault, not ours.
 */
import { InvalidParameter } from '../errors.js';

export function encodePageToken(position: unknown): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodePageToken<T>(token: string | undefined, isValid: (value: unknown) => value is T): T | undefined {
  if (token === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (isValid(value)) return value;
  } catch {
    // fall through
  }
  throw InvalidParameter('Invalid pagination token.');
}

export const isString = (value: unknown): value is string => typeof value === 'string';

/**
 * Splits a result fetched with one row more than `limit` into the page to return and, when that
 * extra row shows more remain, the token that resumes after the page's last item.
 */
export function pageOf<T>(rows: T[], limit: number, positionOf: (item: T) => unknown): { page: T[]; next: string | undefined } {
  const page = rows.slice(0, limit);
  return { page, next: rows.length > limit ? encodePageToken(positionOf(page.at(-1)!)) : undefined };
}
