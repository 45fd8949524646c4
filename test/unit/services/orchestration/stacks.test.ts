/**
 * The orchestration proxy on the fake cloud: how a stack argument becomes heat's
 * `/stacks/{name}/{id}` (following heat's redirect), the request bodies of create and update,
 * the typed errors of bad input, and what a failed wait reports.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InvalidResponseError, ValidationError } from '../../../../src/index.js';
import { StackFailureError } from '../../../../src/services/orchestration/index.js';
import { OrchestrationV1 } from '../../../../src/services/orchestration/proxy.js';
import { bodyOf, fakeStarter, json, type Route, route } from '../../../support/fake-service.js';

const startFake = fakeStarter();
const ID = '6409c94f-aab7-4f83-9fc0-55d7137eba73';

function stackBody(status: string, reason = '') {
  return {
    stack: {
      id: ID,
      stack_name: 'web',
      stack_status: status,
      stack_status_reason: reason,
      creation_time: '2026-01-01T00:00:00Z',
    },
  };
}

/** Heat's lookup: `GET /stacks/web` (or by id) redirects to `/stacks/web/<id>`. */
const lookup: Route = route('GET', /^\/stacks\/(web|6409c94f-aab7-4f83-9fc0-55d7137eba73)$/, (_c, res) =>
  json(res, 302, undefined, { location: `http://127.0.0.1/v1/proj/stacks/web/${ID}` }),
);

async function heat(routes: Route[]) {
  const fake = await startFake('orchestration', [lookup, ...routes]);
  return { orch: fake.proxy(OrchestrationV1), fake };
}

describe('stack addresses', () => {
  test('a name is looked up once through the redirect, then the stack is read by name/id', async () => {
    const { orch, fake } = await heat([
      route('GET', `/stacks/web/${ID}`, (_c, res) => json(res, 200, stackBody('CREATE_COMPLETE'))),
    ]);
    const s = await orch.getStack('web');
    assert.equal(s.status, 'CREATE_COMPLETE', 'the stack as heat shows it');
    assert.deepEqual(fake.lines(), ['GET /stacks/web', `GET /stacks/web/${ID}`], 'one lookup, one read');
    fake.reset();
    await orch.getStack(s);
    assert.deepEqual(fake.lines(), [`GET /stacks/web/${ID}`], 'a stack object needs no lookup');
    fake.reset();
    await orch.getStack(`web/${ID}`);
    assert.deepEqual(fake.lines(), [`GET /stacks/web/${ID}`], "'name/id' needs no lookup");
  });

  test('a redirect without a stack location is an InvalidResponseError, not a guess', async () => {
    const fake = await startFake('orchestration', [
      route('GET', '/stacks/odd', (_c, res) =>
        json(res, 302, undefined, { location: 'http://127.0.0.1/elsewhere' }),
      ),
    ]);
    await assert.rejects(
      fake.proxy(OrchestrationV1).getStack('odd'),
      (e: unknown) => e instanceof InvalidResponseError && e.reason === 'unexpected-status',
      'the redirect is refused with its reason',
    );
  });

  test('bad stack arguments are refused before any request, naming the field', async () => {
    const { orch, fake } = await heat([]);
    for (const bad of ['', '/x', 'a/b/c', {}, null] as unknown[]) {
      await assert.rejects(
        orch.getStack(bad as string),
        (e: unknown) => e instanceof ValidationError && e.field === 'stack',
        `refused: ${JSON.stringify(bad)}`,
      );
    }
    assert.deepEqual(fake.lines(), [], 'nothing was sent');
  });
});

describe('stack writes', () => {
  test('create sends stack_name, the template, parameters and tags as heat takes them', async () => {
    const { orch, fake } = await heat([
      route('POST', '/stacks', (_c, res) => json(res, 201, { stack: { id: ID, links: [] } })),
    ]);
    const made = await orch.createStack({
      name: 'web',
      template: 'heat_template_version: 2018-08-31\n',
      parameters: { size: 2 },
      environment: { parameter_defaults: { x: 1 } },
      files: { 'a.sh': 'echo' },
      tags: ['a', 'b'],
      timeoutMins: 30,
      disableRollback: false,
    });
    assert.equal(made.id, ID, 'the new id');
    assert.equal(made.name, 'web', 'the name is kept from the input');
    assert.deepEqual(bodyOf(fake.calls[0]), {
      stack_name: 'web',
      template: 'heat_template_version: 2018-08-31\n',
      parameters: { size: 2 },
      environment: { parameter_defaults: { x: 1 } },
      files: { 'a.sh': 'echo' },
      tags: 'a,b',
      timeout_mins: 30,
      disable_rollback: false,
    });
  });

  test('bad create input is a ValidationError naming the field, before any request', async () => {
    const { orch, fake } = await heat([]);
    const cases: [unknown, string][] = [
      [{ name: 'web' }, 'stack.template'],
      [{ name: 'web', template: 't', templateUrl: 'http://x' }, 'stack.templateUrl'],
      [{ name: '9web', template: 't' }, 'stack.name'],
      [{ name: 'web', template: 't', timeoutMins: 0 }, 'stack.timeoutMins'],
      [{ name: 'web', template: 42 }, 'stack.template'],
    ];
    for (const [input, field] of cases) {
      await assert.rejects(
        orch.createStack(input as never),
        (e: unknown) => e instanceof ValidationError && e.field === field,
        `${JSON.stringify(input)} names ${field}`,
      );
    }
    assert.deepEqual(fake.lines(), [], 'nothing was sent');
  });

  test('update PUTs the whole stack; existing PATCHes and needs no template', async () => {
    const { orch, fake } = await heat([route('*', `/stacks/web/${ID}`, (_c, res) => json(res, 202))]);
    await orch.updateStack(`web/${ID}`, { template: 't', parameters: { a: 1 } });
    await orch.updateStack(`web/${ID}`, { existing: true, parameters: { a: 2 }, clearParameters: ['b'] });
    assert.deepEqual(fake.lines(), [`PUT /stacks/web/${ID}`, `PATCH /stacks/web/${ID}`]);
    assert.deepEqual(fake.bodies(), [
      { template: 't', parameters: { a: 1 } },
      { parameters: { a: 2 }, clear_parameters: ['b'] },
    ]);
    await assert.rejects(
      orch.updateStack(`web/${ID}`, { parameters: { a: 3 } }),
      (e: unknown) => e instanceof ValidationError && e.field === 'update.template',
      'a PUT update needs a template',
    );
  });

  test('actions post heat’s action bodies', async () => {
    const { orch, fake } = await heat([
      route('POST', `/stacks/web/${ID}/actions`, (_c, res) => json(res, 200)),
    ]);
    await orch.suspendStack(`web/${ID}`);
    await orch.resumeStack(`web/${ID}`);
    await orch.checkStack(`web/${ID}`);
    await orch.cancelStackUpdate(`web/${ID}`);
    assert.deepEqual(fake.bodies(), [
      { suspend: null },
      { resume: null },
      { check: null },
      { cancel_update: null },
    ]);
  });
});

describe('waiting for a stack', () => {
  const failedResources = {
    resources: [
      {
        resource_name: 'net',
        resource_type: 'OS::Neutron::Net',
        resource_status: 'CREATE_COMPLETE',
        resource_status_reason: 'state changed',
      },
      {
        resource_name: 'port',
        resource_type: 'OS::Neutron::Port',
        resource_status: 'CREATE_FAILED',
        resource_status_reason:
          'BadRequest: resources.port: Invalid input for operation: IP address 10.0.9.9 is not a valid IP',
      },
    ],
  };

  test('a *_FAILED stack names the failed resource and its reason', async () => {
    let polls = 0;
    const { orch, fake } = await heat([
      route('GET', `/stacks/web/${ID}`, (_c, res) =>
        json(
          res,
          200,
          ++polls < 2
            ? stackBody('CREATE_IN_PROGRESS')
            : stackBody('CREATE_FAILED', 'Resource CREATE failed: BadRequest: resources.port'),
        ),
      ),
      route('GET', `/stacks/web/${ID}/resources`, (_c, res) => json(res, 200, failedResources)),
    ]);
    const err = await orch.waitForStack('web', 'CREATE_COMPLETE', { intervalMs: 10 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof StackFailureError, `a StackFailureError (got ${String(err)})`);
    assert.equal(err.status, 'CREATE_FAILED', 'the status reached');
    assert.match(
      err.message,
      /stack web .* went to CREATE_FAILED while waiting for CREATE_COMPLETE/,
      'names the stack',
    );
    assert.match(
      err.message,
      /resource port \(OS::Neutron::Port\) CREATE_FAILED: BadRequest/,
      'names the resource and reason',
    );
    assert.deepEqual(
      err.failedResources.map((r) => r.resourceName),
      ['port'],
      'only the failed one',
    );
    assert.ok(
      fake.lines().includes(`GET /stacks/web/${ID}/resources?nested_depth=5`),
      'nested stacks are searched too',
    );
  });

  test('a rollback ends a wait for CREATE_COMPLETE, unless the rollback is what is wanted', async () => {
    const { orch } = await heat([
      route('GET', `/stacks/web/${ID}`, (_c, res) =>
        json(res, 200, stackBody('ROLLBACK_COMPLETE', 'rolled back')),
      ),
      route('GET', `/stacks/web/${ID}/resources`, (_c, res) => json(res, 200, { resources: [] })),
    ]);
    await assert.rejects(
      orch.waitForStack(`web/${ID}`, 'CREATE_COMPLETE', { intervalMs: 10 }),
      (e: unknown) =>
        e instanceof StackFailureError && e.status === 'ROLLBACK_COMPLETE' && /rolled back/.test(e.message),
      'a rolled back create failed',
    );
    const s = await orch.waitForStack(`web/${ID}`, 'ROLLBACK_COMPLETE', { intervalMs: 10 });
    assert.equal(s.status, 'ROLLBACK_COMPLETE', 'wanted: returned');
  });

  test('a delete wait ends on DELETE_COMPLETE or a 404, and explains DELETE_FAILED', async () => {
    let status = 'DELETE_IN_PROGRESS';
    const { orch } = await heat([
      route('GET', `/stacks/web/${ID}`, (_c, res) => json(res, 200, stackBody(status, 'x'))),
      route('GET', `/stacks/web/${ID}/resources`, (_c, res) => json(res, 200, { resources: [] })),
    ]);
    setTimeout(() => {
      status = 'DELETE_COMPLETE';
    }, 30);
    await orch.waitForStackDelete(`web/${ID}`, { intervalMs: 10 });
    status = 'DELETE_FAILED';
    await assert.rejects(
      orch.waitForStackDelete(`web/${ID}`, { intervalMs: 10 }),
      (e: unknown) => e instanceof StackFailureError && e.status === 'DELETE_FAILED',
      'DELETE_FAILED is a StackFailureError',
    );
    const gone = await heat([]);
    await gone.orch.waitForStackDelete(`web/${ID}`, { intervalMs: 10 });
    assert.ok(gone.fake.lines().length === 1, 'a 404 ends the wait at once');
  });
});

describe('software configs', () => {
  test('heat takes the body bare and answers it under its key', async () => {
    const { orch, fake } = await heat([
      route('POST', '/software_configs', (c, res) =>
        json(res, 200, {
          software_config: { id: 'c1', creation_time: '2026-01-01T00:00:00Z', ...(bodyOf(c) as object) },
        }),
      ),
    ]);
    const c = await orch.createSoftwareConfig({ name: 'hello', group: 'script', config: 'echo' });
    assert.deepEqual(
      bodyOf(fake.calls[0]),
      { name: 'hello', group: 'script', config: 'echo' },
      'no envelope',
    );
    assert.equal(c.name, 'hello', 'the answer is read under software_config');
  });
});
