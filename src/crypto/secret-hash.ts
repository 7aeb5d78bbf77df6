/** SECRET_HASH = Base64(HMAC-SHA256(clientSecret, username + clientId)), compared in constant time. */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function secretHash(clientSecret: string, username: string, clientId: string): string {
  return createHmac('sha256', clientSecret).update(username + clientId).digest('base64');
}

/** True when `given` is the hash of one of the usernames under one of the client's secrets. */
export function secretHashMatches(given: string, secrets: string[], usernames: string[], clientId: string): boolean {
  const actual = Buffer.from(given);
  let matched = false;
  for (const secret of secrets) {
    for (const username of usernames) {
      const expected = Buffer.from(secretHash(secret, username, clientId));
      // Every candidate is compared, so the time does not tell which one matched.
      if (expected.length === actual.length && timingSafeEqual(expected, actual)) matched = true;
    }
  }
  return matched;
}
