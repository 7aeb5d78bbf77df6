/** The origins a pool's passkeys accept: https on the relying party id and its subdomains, any port; plain http only for localhost. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { originAllowed } from '../../../src/userpools/passkeys/relying-party.js';

it('accepts https on the relying party id and its subdomains, on any port', () => {
  for (const origin of ['https://example.com', 'https://example.com:8443', 'https://login.example.com', 'https://a.b.example.com:1']) {
    assert.equal(originAllowed('example.com', origin), true, origin);
  }
});

it('refuses other hosts, look-alikes, plain http and anything that is not a bare origin', () => {
  for (const origin of [
    'http://example.com', 'https://example.com.evil.net', 'https://notexample.com', 'https://evil.net', 'https://example.com/path',
    'https://user@example.com', 'null', '', 'example.com', 'ftp://example.com',
  ]) {
    assert.equal(originAllowed('example.com', origin), false, origin);
  }
});

it('lets local development use http://localhost on any port, and nothing else over http', () => {
  assert.equal(originAllowed('localhost', 'http://localhost:5173'), true);
  assert.equal(originAllowed('localhost', 'http://localhost'), true);
  assert.equal(originAllowed('localhost', 'https://app.localhost:8443'), true);
  assert.equal(originAllowed('localhost', 'http://app.localhost:5173'), false);
  assert.equal(originAllowed('localhost', 'http://127.0.0.1:5173'), false);
});
