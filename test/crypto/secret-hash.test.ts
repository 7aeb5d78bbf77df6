/**
 * SECRET_HASH: Base64(HMAC-SHA256(client secret, username + client id)), and the check that accepts
 * it under any of the client's current secrets and any of the names the user goes by. The expected
 * values were computed with `openssl dgst -sha256 -hmac`, not with the code under test.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { secretHash, secretHashMatches } from '../../src/crypto/secret-hash.js';

const CLIENT = '3abc1clientid';
// printf '%s' 'alice3abc1clientid' | openssl dgst -sha256 -hmac 'supersecret' -binary | base64
const ALICE = 'z6/8s5wxWuHyYlF24ZNUGOe4D2g60HSnIUglv1bzQos=';
// the same for 'ALICE': the username is hashed as given, not folded
const ALICE_UPPER = 'X75tUUYnWWh7xduyXXot4W13GPs3k0K0TaESludUwVE=';

describe('SECRET_HASH', () => {
  it('is the Base64 HMAC-SHA256 of username + client id under the secret', () => {
    assert.equal(secretHash('supersecret', 'alice', CLIENT), ALICE);
    assert.equal(secretHash('supersecret', 'ALICE', CLIENT), ALICE_UPPER);
  });

  it('is accepted under any current secret of the client: the oldest, the newest, or one alone', () => {
    assert.equal(secretHashMatches(ALICE, ['supersecret'], ['alice'], CLIENT), true);
    assert.equal(secretHashMatches(ALICE, ['supersecret', 'rotated-in'], ['alice'], CLIENT), true, 'the oldest of two');
    assert.equal(secretHashMatches(ALICE, ['rotated-out', 'supersecret'], ['alice'], CLIENT), true, 'the newest of two');
  });

  it('is accepted over any of the names the user goes by', () => {
    assert.equal(secretHashMatches(ALICE, ['supersecret'], ['alice@example.com', 'alice'], CLIENT), true, 'the second name');
    assert.equal(secretHashMatches(ALICE, ['supersecret'], ['alice', 'sub-0000'], CLIENT), true, 'the first name');
  });

  it('is refused under another secret, for another user, for another client, or with nothing to compare', () => {
    assert.equal(secretHashMatches(ALICE, ['other-secret', 'another'], ['alice'], CLIENT), false);
    assert.equal(secretHashMatches(ALICE, ['supersecret'], ['bob', 'ALICE'], CLIENT), false);
    assert.equal(secretHashMatches(ALICE, ['supersecret'], ['alice'], `${CLIENT}x`), false);
    assert.equal(secretHashMatches(ALICE, [], ['alice'], CLIENT), false, 'no secrets');
    assert.equal(secretHashMatches(ALICE, ['supersecret'], [], CLIENT), false, 'no names');
  });

  it('refuses, without throwing, a hash that is close but not equal, or of another length', () => {
    const flipped = `${ALICE[0] === 'A' ? 'B' : 'A'}${ALICE.slice(1)}`;
    assert.equal(secretHashMatches(flipped, ['supersecret'], ['alice'], CLIENT), false, 'one character changed');
    assert.equal(secretHashMatches(ALICE.slice(0, -1), ['supersecret'], ['alice'], CLIENT), false, 'one character short');
    assert.equal(secretHashMatches(`${ALICE}=`, ['supersecret'], ['alice'], CLIENT), false, 'one character long');
    assert.equal(secretHashMatches('', ['supersecret'], ['alice'], CLIENT), false, 'empty');
  });
});
