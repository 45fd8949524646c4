import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  BadRequestError,
  ConflictError,
  HttpError,
  httpErrorFor,
  parseServiceMessage,
  ServerError,
} from '../../../src/index.js';

describe('service error bodies', () => {
  const cases: [string, string, string][] = [
    [
      'keystone',
      '{"error": {"message": "Could not find project: x.", "code": 404, "title": "Not Found"}}',
      'Could not find project: x.',
    ],
    [
      'nova',
      '{"itemNotFound": {"message": "Flavor 99 could not be found.", "code": 404}}',
      'Flavor 99 could not be found.',
    ],
    [
      'neutron',
      '{"NeutronError": {"type": "NetworkNotFound", "message": "Network x could not be found.", "detail": ""}}',
      'Network x could not be found.',
    ],
    [
      'placement',
      '{"errors": [{"status": 409, "title": "Conflict", "detail": "resource provider generation conflict", "code": "placement.concurrent_update"}]}',
      'resource provider generation conflict',
    ],
    [
      'cinder',
      '{"badRequest": {"code": 400, "message": "Invalid input received: size must be > 0"}}',
      'Invalid input received: size must be > 0',
    ],
    [
      'glance (html)',
      '<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1>No image found with ID x</body></html>',
      '404 Not Found 404 Not Found No image found with ID x',
    ],
    [
      'swift (text)',
      '<html><h1>Not Found</h1><p>The resource could not be found.</p></html>',
      'Not Found The resource could not be found.',
    ],
    [
      'barbican',
      '{"code": 400, "title": "Bad Request", "description": "Provided field value is not supported"}',
      'Provided field value is not supported',
    ],
  ];
  for (const [svc, body, want] of cases) {
    test(svc, () => assert.equal(parseServiceMessage(body), want));
  }
  test('empty bodies give no message', () => assert.equal(parseServiceMessage('  '), undefined));
  test('status picks the class', () => {
    const d = { method: 'GET', url: 'u' };
    assert.ok(httpErrorFor({ ...d, status: 400 }) instanceof BadRequestError);
    assert.ok(httpErrorFor({ ...d, status: 409 }) instanceof ConflictError);
    assert.ok(httpErrorFor({ ...d, status: 500 }) instanceof ServerError);
    const other = httpErrorFor({ ...d, status: 418 });
    assert.ok(other instanceof HttpError && !(other instanceof ServerError));
  });
});
