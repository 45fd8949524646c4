import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { signedAccountPath, tempUrlSignature } from '../../../../src/services/object-store/temp-url.js';

// Expected values computed with python-swiftclient 4.1.0's swiftclient.utils.generate_temp_url.
const path = '/v1/AUTH_test/c/dir/ünï file.txt';
const base = { path, expires: 1700000000, key: 'secret-key' };

describe('temp URL signatures (same as python-swiftclient)', () => {
  test('HMAC-SHA256 is the default, hex', () => {
    assert.equal(
      tempUrlSignature({ ...base, method: 'GET' }),
      '26eb65d468fa742f925e7eb4d2a462521aa1b899ac9d6eef308802f5f7b9e52e',
    );
  });
  test('HMAC-SHA512 is sha512: + unpadded URL-safe base64', () => {
    assert.equal(
      tempUrlSignature({ ...base, method: 'PUT', digest: 'sha512' }),
      'sha512:Ia_FUAgF3CGB7UKroiJzMI21u6OB85Y668ZIV3kiXDrXCYkey-A30NrmFswYYfcLE_lZK6vZmNLDkJjKY5juaw',
    );
  });
  test('HMAC-SHA1 only when asked for', () => {
    assert.equal(
      tempUrlSignature({ ...base, method: 'GET', digest: 'sha1' }),
      '2f085103ebb5b65bd003810328eb1915611f8ddf',
    );
  });
  test('prefix-based signatures sign "prefix:<path>"', () => {
    assert.equal(
      tempUrlSignature({ ...base, path: '/v1/AUTH_test/c/dir/', method: 'GET', prefix: true }),
      'f5a8e34fa65416a1bafe143881b6c06eafb93a11bbe1cec05d90877db5d929ab',
    );
  });
  test('IP-restricted signatures start with ip=<range>', () => {
    assert.equal(
      tempUrlSignature({ ...base, method: 'HEAD', ipRange: '127.0.0.0/8' }),
      '67fbf522575069388ebee9171bde71f7a09d555e2e0ef3377be958aad369561c',
    );
  });
  test('bad input is refused before signing', () => {
    assert.throws(() => tempUrlSignature({ ...base, method: 'GET', expires: 1.5 }), /expires/);
    assert.throws(() => tempUrlSignature({ ...base, method: 'GET', key: '' }), /key/);
    assert.throws(() => tempUrlSignature({ ...base, method: 'GET', digest: 'md5' as 'sha1' }), /digest/);
  });
  test('the signed path starts at /v1 and is decoded', () => {
    assert.equal(signedAccountPath('http://h:8080/v1/AUTH_abc/'), '/v1/AUTH_abc');
    assert.equal(signedAccountPath('https://h/swift/v1/AUTH_abc'), '/v1/AUTH_abc');
    assert.equal(signedAccountPath('https://h/v1/AUTH_a%20b'), '/v1/AUTH_a b');
  });
});
