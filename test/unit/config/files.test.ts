import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cloudsOf, parseConfigText, readConfigFile } from '../../../src/config/files.js';
import { ConfigError } from '../../../src/errors/errors.js';
import { configError, sandbox } from './helpers.js';

describe('reading clouds.yaml', () => {
  test('numbers keep the text written (2.10 stays 2.10, 3 becomes "3")', () => {
    const d = parseConfigText(
      'clouds:\n  a:\n    compute_api_version: 2.10\n    identity_api_version: 3\n',
      'c.yaml',
    );
    assert.deepEqual(cloudsOf({ path: 'c.yaml', data: d }), {
      a: { compute_api_version: '2.10', identity_api_version: '3' },
    });
  });

  test('scalars inside auth stay strings exactly as written', () => {
    const d = parseConfigText(
      'clouds:\n  a:\n    auth:\n      password: yes\n      project_id: 0123\n',
      'c.yaml',
    );
    assert.deepEqual((d.clouds as any).a.auth, { password: 'yes', project_id: '0123' });
  });

  test('YAML 1.1 booleans like PyYAML (verify: no), but y/n stay strings', () => {
    const d = parseConfigText('clouds:\n  a:\n    verify: no\n    insecure: On\n    flag: y\n', 'c.yaml');
    assert.deepEqual((d.clouds as any).a, { verify: false, insecure: true, flag: 'y' });
  });

  test('merge keys and anchors work', () => {
    const d = parseConfigText(
      'base: &b\n  region_name: R1\nclouds:\n  a:\n    <<: *b\n    interface: internal\n',
      'c.yaml',
    );
    assert.deepEqual((d.clouds as any).a, { region_name: 'R1', interface: 'internal' });
  });

  test('duplicate keys: the last one wins', () => {
    const d = parseConfigText('clouds:\n  a:\n    region_name: R1\n    region_name: R2\n', 'c.yaml');
    assert.equal((d.clouds as any).a.region_name, 'R2');
  });

  test('invalid YAML is a ConfigError with a position and without the file text', () => {
    const e = configError(() =>
      parseConfigText('clouds:\n  a: [\n   password: hunter2secret\n', '/x/clouds.yaml'),
    );
    assert.match(e.message, /\/x\/clouds\.yaml is not valid YAML/);
    assert.match(e.message, /line \d+, column \d+/);
    assert.match(e.message, /Fix: /);
    assert.ok(!e.message.includes('hunter2secret'));
  });

  test('JSON files are parsed as JSON, numbers become strings', () => {
    const d = parseConfigText('{"clouds": {"a": {"identity_api_version": 3, "verify": false}}}', 'c.json');
    assert.deepEqual((d.clouds as any).a, { identity_api_version: '3', verify: false });
    const e = configError(() =>
      parseConfigText('{"clouds": {"a": {"auth": {"password": "pw-in-json"', 'c.json'),
    );
    assert.match(e.message, /c\.json is not valid JSON/);
    assert.ok(!e.message.includes('pw-in-json'));
  });

  test('an empty file is no configuration; a non-mapping is an error', () => {
    assert.deepEqual(parseConfigText('', 'c.yaml'), {});
    assert.deepEqual(parseConfigText('# only a comment\n', 'c.yaml'), {});
    const e = configError(() => parseConfigText('- a\n- b\n', '/x/clouds.yaml'));
    assert.match(e.message, /not a mapping/);
  });

  test('"clouds" that is not a mapping is an error naming the field', () => {
    const e = configError(() => parseConfigText('clouds: [a, b]\n', 'c.yaml'));
    assert.equal(e.field, 'clouds');
  });

  test('readConfigFile reads from disk and reports unreadable files', () => {
    const s = sandbox();
    const p = s.write('c.yaml', 'clouds:\n  a: {}\n');
    assert.deepEqual(readConfigFile(p), { path: p, data: { clouds: { a: {} } } });
    assert.throws(() => readConfigFile(`${s.root}/missing.yaml`), ConfigError);
  });
});
