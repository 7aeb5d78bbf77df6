/** Identifiers shaped like Cognito's: their length, alphabet and fixed parts, and that they differ. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ids, randomString } from '../../src/crypto/ids.js';

const many = (make: () => string) => Array.from({ length: 50 }, make);

describe('ids', () => {
  it('draws a string of the length from the alphabet, every letter of it in reach', () => {
    assert.equal(randomString('ab', 0), '');
    const drawn = randomString('ab', 400);
    assert.match(drawn, /^[ab]{400}$/);
    assert.ok(drawn.includes('a') && drawn.includes('b'), 'both letters appear');
  });

  it('shapes pool ids, client ids, client secrets and secret ids like Cognito', () => {
    for (const id of many(() => ids.userPool('eu-west-1'))) assert.match(id, /^eu-west-1_[A-Za-z0-9]{9}$/);
    for (const id of many(ids.client)) assert.match(id, /^[a-z0-9]{26}$/);
    for (const secret of many(ids.clientSecret)) assert.match(secret, /^[a-z0-9]{51}$/);
    assert.equal(ids.clientSecretId('abc', 1700000000123), 'abc--1700000000123');
  });

  it('shapes admin access keys like AWS and subs as UUIDs', () => {
    for (const key of many(ids.accessKeyId)) assert.match(key, /^AKIA[A-Z0-9]{16}$/);
    for (const secret of many(ids.secretAccessKey)) assert.match(secret, /^[A-Za-z0-9+/]{40}$/);
    assert.match(ids.uuid(), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('uses the whole alphabet: upper case, lower case and digits all appear where allowed', () => {
    const pools = many(() => ids.userPool('r')).join('');
    assert.match(pools, /[A-Z]/);
    assert.match(pools, /[a-z]/);
    assert.match(pools, /[0-9]/);
    assert.match(many(ids.secretAccessKey).join(''), /[+/]/);
    assert.match(many(ids.accessKeyId).join(''), /AKIA.*[0-9]/);
  });

  it('never repeats itself', () => {
    for (const make of [ids.client, ids.clientSecret, ids.uuid, ids.accessKeyId, ids.secretAccessKey, () => ids.userPool('r')]) {
      const made = many(make);
      assert.equal(new Set(made).size, made.length);
    }
  });
});
