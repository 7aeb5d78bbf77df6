/**
 * How deep a JSON text nests, read in one linear pass over its bytes before it is parsed, so that
 * no body (5,000 levels of `[` are 10 KB) can make a recursive walk of the value overflow the
 * stack anywhere behind the edge. The service models nest at most 6 levels deep.
 */

/** Deeper than any input the models describe, and far from any stack limit. */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]);
const CLOSERS = new Set([0x5d, 0x7d]);

/** True when the text opens more than `limit` arrays and objects inside one another. Quotes and escapes are honoured; bytes of multi-byte UTF-8 never look like ASCII. */
export function nestsDeeperThan(text: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const byte = text[i]!;
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (OPENERS.has(byte)) {
      if (++depth > limit) return true;
    } else if (CLOSERS.has(byte)) {
      depth--;
    }
  }
  return false;
}
