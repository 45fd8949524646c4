/**
 * `ostack stack ...` and `ostack orchestration ...` on the dev cloud: a stack from a template
 * file with an environment file and a `get_file`, created and updated with --wait, its
 * resources, events and outputs, check, compared with openstack's heat
 * plugin where both list the same thing; then deleted.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DEMO_CLOUD, functionalSuite } from '../../support/cloud.js';
import { openstackJson, ostack, ostackJson } from '../cli/helpers.js';

const TEMPLATE = `
heat_template_version: 2018-08-31
parameters:
  net_name: {type: string}
resources:
  net:
    type: OS::Neutron::Net
    properties: {name: {get_param: net_name}}
  cfg:
    type: OS::Heat::SoftwareConfig
    properties: {group: script, config: {get_file: script.sh}}
outputs:
  net_id: {value: {get_resource: net}}
  net_name: {value: {get_attr: [net, name]}}
`;

functionalSuite('cli/stack', { timeout: 240_000 }, (suite) => {
  const demo = ['--os-cloud', DEMO_CLOUD];
  const name = suite.name('clistack');
  let dir = '';

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ossdk-heat-'));
    await writeFile(join(dir, 'stack.yaml'), TEMPLATE);
    await writeFile(join(dir, 'script.sh'), '#!/bin/sh\necho from-get-file\n');
    await writeFile(join(dir, 'env.yaml'), `parameters:\n  net_name: ${name}-env\n`);
    suite.cleanup.add(`stack ${name}`, async () => {
      await ostack(...demo, 'stack', 'delete', name, '--wait');
    });
  });
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('orchestration template validate reads the parameters', async () => {
    const v = await ostackJson(
      ...demo,
      'orchestration',
      'template',
      'validate',
      '-t',
      join(dir, 'stack.yaml'),
    );
    assert.deepEqual(Object.keys(v.Parameters), ['net_name'], 'the template parameter');
    const bad = await ostack(
      ...demo,
      'orchestration',
      'template',
      'validate',
      '-t',
      join(dir, 'missing.yaml'),
    );
    assert.notEqual(bad.status, 0, 'a missing file fails');
    assert.match(bad.stderr, /--template/, 'naming the option');
  });

  test('stack create --wait from files: environment and get_file reach heat', async () => {
    const r = await ostackJson(
      ...demo,
      'stack',
      'create',
      '-t',
      join(dir, 'stack.yaml'),
      '-e',
      join(dir, 'env.yaml'),
      '--wait',
      name,
    );
    assert.equal(r.stack_status, 'CREATE_COMPLETE', `created (${r.stack_status_reason})`);
    const out = await ostackJson(...demo, 'stack', 'output', 'show', name, 'net_name');
    assert.equal(out.output_value, `${name}-env`, 'the parameter came from the environment file');
    const cfg = await ostackJson(...demo, 'stack', 'resource', 'show', name, 'cfg');
    assert.equal(cfg.resource_status, 'CREATE_COMPLETE', 'the get_file resource was made');
  });

  test('list, resources, events and outputs match openstack', async () => {
    const ours = (await ostackJson(...demo, 'stack', 'list')) as Record<string, unknown>[];
    const theirs = openstackJson('--os-cloud', DEMO_CLOUD, 'stack', 'list') as Record<string, unknown>[];
    const mine = ours.find((s) => s['Stack Name'] === name);
    assert.deepEqual(
      mine,
      theirs.find((s) => s['Stack Name'] === name),
      'the same row under the same columns',
    );
    for (const cmd of [
      ['stack', 'resource', 'list', name],
      ['stack', 'output', 'list', name],
    ]) {
      const a = await ostackJson(...demo, ...cmd);
      const b = openstackJson('--os-cloud', DEMO_CLOUD, ...cmd);
      const key = (x: Record<string, unknown>) => String(Object.values(x)[0]);
      assert.deepEqual(
        [...a].sort((x, y) => key(x).localeCompare(key(y))),
        [...b].sort((x, y) => key(x).localeCompare(key(y))),
        `${cmd.join(' ')}: the same rows and columns`,
      );
    }
    const events = (await ostackJson(...demo, 'stack', 'event', 'list', name)) as Record<string, unknown>[];
    assert.equal(events[0]?.resource_status, 'CREATE_IN_PROGRESS', 'oldest first');
    assert.equal(events.at(-1)?.resource_status, 'CREATE_COMPLETE', 'the stack completed last');
    const types = await ostackJson(
      ...demo,
      'orchestration',
      'resource',
      'type',
      'list',
      '--filter',
      'name=OS::Neutron::Net$',
    );
    assert.deepEqual(types, [{ 'Resource Type': 'OS::Neutron::Net' }], 'the type filter');
  });

  test('update --existing --wait and check --wait', async () => {
    const u = await ostackJson(
      ...demo,
      'stack',
      'update',
      name,
      '--existing',
      '--parameter',
      `net_name=${name}-upd`,
      '--wait',
    );
    assert.equal(u.stack_status, 'UPDATE_COMPLETE', `updated (${u.stack_status_reason})`);
    const out = await ostackJson(...demo, 'stack', 'output', 'show', name, 'net_name');
    assert.equal(out.output_value, `${name}-upd`, 'the new parameter value');
    // suspend and resume share check's code path; the SDK's functional test runs all three
    const rows = await ostackJson(...demo, 'stack', 'check', name, '--wait');
    assert.equal(rows[0]?.['Stack Status'], 'CHECK_COMPLETE', 'check --wait');
    const tpl = await ostack(...demo, 'stack', 'template', 'show', name);
    assert.match(tpl.stdout, /heat_template_version/, 'the template is printed as YAML');
  });

  test('stack delete --wait', async () => {
    const r = await ostack(...demo, 'stack', 'delete', name, '--wait');
    assert.equal(r.status, 0, `deleted: ${r.stderr}`);
    const shown = await ostack(...demo, 'stack', 'show', name, '-f', 'json');
    const gone = shown.status !== 0 || JSON.parse(shown.stdout).stack_status === 'DELETE_COMPLETE';
    assert.ok(gone, 'the stack is gone');
  });
});
