/**
 * Swift's API reference shows HEAD/GET responses as raw header dumps (`*-http-response*.txt`).
 * They are replayed here through the same header → resource mapping the proxy uses.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  accountFromHeaders,
  containerFromHeaders,
  objectFromHeaders,
} from '../../../../src/services/object-store/from-headers.js';
import type { ServiceClient } from '../../../../src/session/service-client.js';
import { sampleAt } from '../../../support/api-samples.js';

const client = {} as ServiceClient;

/** Status line, headers (lower-cased) and body of a raw HTTP response sample. */
function parseHttp(text: string): { status: number; headers: Record<string, string>; body: string } {
  const [head, ...rest] = text.replace(/\r\n/g, '\n').split('\n\n');
  const [statusLine, ...lines] = head!.split('\n');
  const headers: Record<string, string> = {};
  for (const l of lines) {
    const i = l.indexOf(':');
    if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
  }
  return { status: Number(statusLine!.split(' ')[1]), headers, body: rest.join('\n\n') };
}

function sample(path: string): string {
  const v = sampleAt(`object-store/${path}`);
  return typeof v === 'string' ? v : JSON.stringify(v);
}

describe('swift header samples', () => {
  test('account listing responses (json and xml) → account resource', () => {
    for (const f of [
      'account-containers-list-http-response-json.txt',
      'account-containers-list-http-response-xml.txt',
    ]) {
      const { status, headers } = parseHttp(sample(f));
      assert.equal(status, 200);
      const a = accountFromHeaders(client, 'AUTH_test', headers);
      assert.equal(a.name, 'AUTH_test');
      assert.equal(a.containerCount, 2);
      assert.equal(a.objectCount, 1);
      assert.equal(a.bytesUsed, 14);
      assert.equal(a.timestamp, '1389453423.35964');
      assert.deepEqual(a.metadata, { subject: 'Literature' });
      assert.equal(a.hasTempUrlKey, undefined);
    }
  });

  test('container listing responses (json and xml) → container resource', () => {
    for (const f of ['objects-list-http-response-json.txt', 'objects-list-http-response-xml.txt']) {
      const { headers } = parseHttp(sample(f));
      const c = containerFromHeaders(client, 'marktwain', headers);
      assert.equal(c.name, 'marktwain');
      assert.equal(c.objectCount, 2);
      assert.equal(c.count, 2, 'listing name filled from the header');
      assert.equal(c.bytesUsed, 26);
      assert.equal(c.bytes, 26);
      assert.deepEqual(c.metadata, { book: 'TomSawyer' });
      assert.equal(c.headers['x-openstack-request-id']?.startsWith('tx'), true);
    }
  });

  test('plain-text container listing: one name per line', () => {
    const { status, headers, body } = parseHttp(sample('containers-list-http-response.txt'));
    assert.equal(status, 200);
    assert.match(headers['content-type']!, /text\/plain/);
    assert.deepEqual(body.trim().split('\n'), ['images', 'movies', 'documents', 'backups']);
  });

  test('requests: the listing is asked for as JSON', () => {
    const curl = sample('account-containers-list-http-request-json.txt');
    assert.match(curl, /\?format=json/);
    assert.match(sample('containers-list-http-request.txt'), /^GET \/\{api_version\}\/\{account\} HTTP\/1.1/);
  });

  test('object contents samples match their listed MD5', async () => {
    const { createHash } = await import('node:crypto');
    const rows = JSON.parse(sample('objects-list-response.json')) as {
      name: string;
      hash: string;
      bytes: number;
    }[];
    const hello = sample('helloworld.txt');
    const goodbye = sample('goodbyeworld.txt');
    // the listing describes objects named "helloworld"/"goodbye" whose bodies are these files' first lines
    assert.equal(rows.find((r) => r.name === 'goodbye')!.bytes, Buffer.byteLength(goodbye.trimEnd()));
    assert.equal(
      rows.find((r) => r.name === 'goodbye')!.hash,
      createHash('md5').update(goodbye.trimEnd()).digest('hex'),
    );
    assert.ok(hello.startsWith('Hello World'));
  });

  test('secrets in headers never reach a resource', () => {
    const a = accountFromHeaders(client, 'AUTH_x', {
      'x-account-meta-temp-url-key': 'SECRET1',
      'x-account-meta-temp-url-key-2': 'SECRET2',
    });
    assert.equal(a.hasTempUrlKey, true);
    assert.equal(a.hasTempUrlKey2, true);
    assert.doesNotMatch(JSON.stringify({ json: a.toJSON(), headers: a.headers, md: a.metadata }), /SECRET/);
    const c = containerFromHeaders(client, 'c', {
      'x-container-meta-temp-url-key': 'SECRET',
      'x-container-sync-key': 'SYNC',
    });
    assert.doesNotMatch(JSON.stringify(c.headers), /SECRET|SYNC/);
  });

  test('object headers → object resource (plain, SLO, range)', () => {
    const plain = objectFromHeaders(client, 'c', 'o', {
      'content-length': '14',
      'content-type': 'text/plain',
      etag: '451e372e48e0f6b1114fa0724aa79fa1',
      'last-modified': 'Wed, 15 Jan 2014 16:41:49 GMT',
      'x-object-meta-color': 'red',
    });
    assert.equal(plain.hash, '451e372e48e0f6b1114fa0724aa79fa1');
    assert.equal(plain.bytes, 14);
    assert.equal(plain.contentType, 'text/plain');
    assert.equal(plain.lastModified, '2014-01-15T16:41:49.000Z');
    assert.deepEqual(plain.metadata, { color: 'red' });
    const slo = objectFromHeaders(client, 'c', 'big', {
      'content-length': '3000000',
      etag: '"c279cc87ffc174313f81736ecf675dc3"',
      'x-static-large-object': 'True',
      'x-manifest-etag': '9f84b6569760aa2582cfd3d602e78c09',
    });
    assert.equal(slo.isStaticLargeObject, true);
    assert.equal(slo.hash, '9f84b6569760aa2582cfd3d602e78c09', 'hash is the manifest MD5, as in listings');
    assert.equal(slo.sloEtag, '"c279cc87ffc174313f81736ecf675dc3"');
    const part = objectFromHeaders(client, 'c', 'big', {
      'content-length': '100',
      'content-range': 'bytes 0-99/3000000',
    });
    assert.equal(part.bytes, 3000000, 'bytes is the whole object size');
    assert.equal(part.contentRange, 'bytes 0-99/3000000');
  });
});
