/** `ostack stack ...` and `ostack orchestration ...` implementations. */
import { ValidationError } from '../../errors/errors.js';
import type { PreviewResource, StackArg, StackInstance } from '../../services/orchestration/index.js';
import type { CliContext } from '../context.js';
import { waitBar } from '../progress.js';
import { forEachItem, intOption, parseProperties, showRow } from './common.js';
import { type TemplateOptions, templateInput } from './stack-files.js';

/** The rows openstackclient shows after a create or update. */
const SUMMARY = [
  'id',
  'stack_name',
  'description',
  'creation_time',
  'updated_time',
  'stack_status',
  'stack_status_reason',
];

function summary(s: StackInstance) {
  const b = s.raw as Record<string, unknown>;
  return Object.fromEntries(SUMMARY.map((k) => [k, b[k] ?? null]));
}

function minutes(v: string | undefined): number | undefined {
  const n = intOption(v, '--timeout');
  if (n === 0) throw new ValidationError('expected a positive number of minutes', { field: '--timeout' });
  return n;
}

function tagsOf(v: string | undefined): string[] | undefined {
  return v === undefined ? undefined : v.split(',').filter((t) => t !== '');
}

async function waitFor(ctx: CliContext, stack: StackArg, status: string): Promise<StackInstance> {
  const conn = await ctx.connection('orchestration');
  const label = typeof stack === 'string' ? stack : (stack.name ?? stack.id ?? '');
  const bar = await waitBar(ctx, `stack ${label}`);
  try {
    return await conn.orchestration.waitForStack(stack, status, {
      intervalMs: 1000,
      onPoll: (st, ms) => bar.update(Math.min(95, Math.round(ms / 1000)), { status: st }),
    });
  } finally {
    bar.stop();
  }
}

export async function create(
  ctx: CliContext,
  name: string,
  o: TemplateOptions & {
    timeout?: string;
    enableRollback?: boolean;
    tags?: string;
    dryRun?: boolean;
    wait?: boolean;
  },
): Promise<void> {
  if (!o.template)
    throw new ValidationError('a template is required', { field: '--template', fix: '-t <file or URL>' });
  const input = {
    name,
    ...(await templateInput(o)),
    disableRollback: !o.enableRollback,
    ...(o.timeout !== undefined ? { timeoutMins: minutes(o.timeout) } : {}),
    ...(o.tags !== undefined ? { tags: tagsOf(o.tags) } : {}),
  };
  const conn = await ctx.connection('orchestration');
  if (o.dryRun) {
    const p = await conn.orchestration.previewStack(input);
    await ctx.printOne(showRow(p.stack.raw as Record<string, unknown>, { resources: p.resources }));
    return;
  }
  const made = await conn.orchestration.createStack(input);
  const s = o.wait ? await waitFor(ctx, made, 'CREATE_COMPLETE') : await conn.orchestration.getStack(made);
  await ctx.printOne(summary(s));
}

export async function list(
  ctx: CliContext,
  o: {
    tags?: string;
    nested?: boolean;
    deleted?: boolean;
    allProjects?: boolean;
    limit?: string;
    long?: boolean;
  },
): Promise<void> {
  const conn = await ctx.connection('orchestration');
  const stacks = await conn.orchestration
    .listStacks({
      ...(o.tags ? { tags: o.tags } : {}),
      ...(o.nested ? { showNested: true } : {}),
      ...(o.deleted ? { showDeleted: true } : {}),
      ...(o.allProjects ? { globalTenant: true } : {}),
      ...(o.limit ? { limit: intOption(o.limit, '--limit') } : {}),
    })
    .toArray();
  const rows = stacks.map((s) => {
    const b = s.raw as Record<string, unknown>;
    return {
      ID: s.id,
      'Stack Name': s.name,
      Project: b.project ?? null,
      'Stack Status': s.status,
      'Creation Time': b.creation_time ?? null,
      'Updated Time': b.updated_time ?? null,
      'Stack Owner': b.stack_owner ?? null,
      Parent: b.parent ?? null,
    };
  });
  const cols = ['ID', 'Stack Name', 'Stack Status', 'Creation Time', 'Updated Time'];
  if (o.nested) cols.push('Parent');
  if (o.allProjects) cols.splice(1, 0, 'Project');
  await ctx.printList(rows, o.long ? [...cols, 'Stack Owner'] : cols);
}

export async function show(ctx: CliContext, stack: string, o: { resolveOutputs?: boolean }): Promise<void> {
  const conn = await ctx.connection('orchestration');
  const s = await conn.orchestration.getStack(stack);
  const body = { ...(s.raw as Record<string, unknown>) };
  if (o.resolveOutputs === false) delete body.outputs;
  await ctx.printOne(showRow(body, {}, []));
}

export async function update(
  ctx: CliContext,
  stack: string,
  o: TemplateOptions & {
    existing?: boolean;
    clearParameter?: string[];
    timeout?: string;
    rollback?: string;
    tags?: string;
    dryRun?: boolean;
    wait?: boolean;
  },
): Promise<void> {
  if (o.rollback !== undefined && !['enabled', 'disabled', 'keep'].includes(o.rollback)) {
    throw new ValidationError(`expected enabled, disabled or keep, got "${o.rollback}"`, {
      field: '--rollback',
    });
  }
  const input = {
    ...(await templateInput(o)),
    existing: !!o.existing,
    ...(o.clearParameter ? { clearParameters: o.clearParameter } : {}),
    ...(o.timeout !== undefined ? { timeoutMins: minutes(o.timeout) } : {}),
    ...(o.rollback && o.rollback !== 'keep' ? { disableRollback: o.rollback === 'disabled' } : {}),
    ...(o.tags !== undefined ? { tags: tagsOf(o.tags) } : {}),
  };
  const conn = await ctx.connection('orchestration');
  const id = await conn.orchestration.resolveStack(stack);
  if (o.dryRun) {
    const changes = await conn.orchestration.previewStackUpdate(id, input);
    const rows = (Object.entries(changes) as [string, PreviewResource[]][]).flatMap(([change, list]) =>
      list.map((r) => ({
        Change: change,
        'Resource Name': r.resource_name,
        'Resource Type': r.resource_type,
      })),
    );
    await ctx.printList(rows, ['Change', 'Resource Name', 'Resource Type']);
    return;
  }
  await conn.orchestration.updateStack(id, input);
  const s = o.wait
    ? await waitFor(ctx, `${id.name}/${id.id}`, 'UPDATE_COMPLETE')
    : await conn.orchestration.getStack(id);
  await ctx.printOne(summary(s));
}

export async function remove(ctx: CliContext, stacks: string[], o: { wait?: boolean }): Promise<void> {
  const conn = await ctx.connection('orchestration');
  await forEachItem(ctx, stacks, 'stack', 'delete', async (name) => {
    const id = await conn.orchestration.resolveStack(name);
    await conn.orchestration.deleteStack(id);
    if (o.wait) await conn.orchestration.waitForStackDelete(id, { intervalMs: 1000 });
  });
}

async function action(
  ctx: CliContext,
  stacks: string[],
  word: 'suspend' | 'resume' | 'check',
  done: string,
  wait: boolean | undefined,
): Promise<void> {
  const conn = await ctx.connection('orchestration');
  const rows: Record<string, unknown>[] = [];
  await forEachItem(ctx, stacks, 'stack', word, async (name) => {
    const id = await conn.orchestration.resolveStack(name);
    await conn.orchestration[`${word}Stack`](id);
    const s = wait ? await waitFor(ctx, `${id.name}/${id.id}`, done) : await conn.orchestration.getStack(id);
    const b = s.raw as Record<string, unknown>;
    rows.push({
      ID: s.id,
      'Stack Name': s.name,
      'Stack Status': s.status,
      'Creation Time': b.creation_time ?? null,
      'Updated Time': b.updated_time ?? null,
    });
  });
  await ctx.printList(rows, ['ID', 'Stack Name', 'Stack Status', 'Creation Time', 'Updated Time']);
}

export const suspend = (ctx: CliContext, stacks: string[], o: { wait?: boolean }) =>
  action(ctx, stacks, 'suspend', 'SUSPEND_COMPLETE', o.wait);
export const resume = (ctx: CliContext, stacks: string[], o: { wait?: boolean }) =>
  action(ctx, stacks, 'resume', 'RESUME_COMPLETE', o.wait);
export const check = (ctx: CliContext, stacks: string[], o: { wait?: boolean }) =>
  action(ctx, stacks, 'check', 'CHECK_COMPLETE', o.wait);

const RESOURCE_FILTERS = {
  name: 'name',
  status: 'status',
  action: 'action',
  type: 'type',
  id: 'id',
} as const;

export async function resourceList(
  ctx: CliContext,
  stack: string,
  o: { nestedDepth?: string; filter?: string[]; long?: boolean },
): Promise<void> {
  const filters = parseProperties(o.filter, '--filter');
  const query: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(filters)) {
    if (!(k in RESOURCE_FILTERS)) {
      throw new ValidationError(`unknown filter "${k}"`, {
        field: '--filter',
        fix: Object.keys(RESOURCE_FILTERS).join(', '),
      });
    }
    query[k] = v;
  }
  if (o.nestedDepth !== undefined) query.nestedDepth = intOption(o.nestedDepth, '--nested-depth');
  const conn = await ctx.connection('orchestration');
  const resources = await conn.orchestration.listStackResources(stack, query).toArray();
  const rows = resources.map((r) => {
    const b = r.raw as Record<string, unknown>;
    return { ...b, stack_name: b.stack_name ?? stack };
  });
  const cols = ['resource_name', 'physical_resource_id', 'resource_type', 'resource_status', 'updated_time'];
  if (o.nestedDepth !== undefined) cols.push('stack_name');
  await ctx.printList(rows, o.long ? [...cols, 'stack_name'].filter((c, i, a) => a.indexOf(c) === i) : cols);
}

export async function resourceShow(ctx: CliContext, stack: string, resource: string): Promise<void> {
  const conn = await ctx.connection('orchestration');
  const r = await conn.orchestration.getStackResource(stack, resource);
  await ctx.printOne(showRow(r.raw as Record<string, unknown>, {}, []));
}

const EVENT_FILTERS = {
  resource_status: 'resourceStatus',
  resource_action: 'resourceAction',
  resource_name: 'resourceName',
  resource_type: 'resourceType',
} as const;

export async function eventList(
  ctx: CliContext,
  stack: string,
  o: { resource?: string; nestedDepth?: string; filter?: string[]; limit?: string },
): Promise<void> {
  const query: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(parseProperties(o.filter, '--filter'))) {
    const ts = EVENT_FILTERS[k as keyof typeof EVENT_FILTERS];
    if (!ts)
      throw new ValidationError(`unknown filter "${k}"`, {
        field: '--filter',
        fix: Object.keys(EVENT_FILTERS).join(', '),
      });
    query[ts] = v;
  }
  // oldest first, as openstackclient lists them (heat answers newest first)
  query.sortDir = 'asc';
  if (o.resource) query.resource = o.resource;
  if (o.nestedDepth !== undefined) query.nestedDepth = intOption(o.nestedDepth, '--nested-depth');
  if (o.limit !== undefined) query.limit = intOption(o.limit, '--limit');
  const conn = await ctx.connection('orchestration');
  const events = await conn.orchestration.listStackEvents(stack, query).toArray();
  await ctx.printList(
    events.map((e) => e.raw as Record<string, unknown>),
    ['id', 'resource_name', 'resource_status', 'resource_status_reason', 'event_time'],
  );
}

export async function outputList(ctx: CliContext, stack: string): Promise<void> {
  const conn = await ctx.connection('orchestration');
  const outputs = await conn.orchestration.listStackOutputs(stack);
  await ctx.printList(
    outputs.map((x) => ({ output_key: x.outputKey, description: x.description ?? null })),
    ['output_key', 'description'],
  );
}

export async function outputShow(
  ctx: CliContext,
  stack: string,
  output: string | undefined,
  o: { all?: boolean },
): Promise<void> {
  const conn = await ctx.connection('orchestration');
  if (o.all) {
    const s = await conn.orchestration.getStack(stack);
    const all = Object.fromEntries((s.outputs ?? []).map((x) => [x.output_key, x]));
    await ctx.printOne(all);
    return;
  }
  if (!output)
    throw new ValidationError('an output name is required', {
      field: 'output',
      fix: 'name one, or pass --all',
    });
  const x = await conn.orchestration.getStackOutput(stack, output);
  await ctx.printOne({
    output_key: x.outputKey,
    output_value: x.outputValue ?? null,
    description: x.description ?? null,
    ...(x.outputError ? { output_error: x.outputError } : {}),
  });
}

/** YAML unless `-f json` (openstackclient prints templates and validation results as YAML). */
async function printDocument(ctx: CliContext, doc: unknown): Promise<void> {
  if (ctx.output.format === 'json') {
    ctx.out.write(`${JSON.stringify(doc, null, 2)}\n`);
    return;
  }
  const { stringify } = await import('yaml');
  ctx.out.write(stringify(doc));
}

export async function templateShow(ctx: CliContext, stack: string): Promise<void> {
  const conn = await ctx.connection('orchestration');
  await printDocument(ctx, await conn.orchestration.getStackTemplate(stack));
}

export async function templateValidate(
  ctx: CliContext,
  o: TemplateOptions & { showNested?: boolean; ignoreErrors?: string },
): Promise<void> {
  if (!o.template)
    throw new ValidationError('a template is required', { field: '--template', fix: '-t <file or URL>' });
  const input = await templateInput(o);
  const conn = await ctx.connection('orchestration');
  const v = await conn.orchestration.validateTemplate({
    ...input,
    ...(o.showNested ? { showNested: true } : {}),
    ...(o.ignoreErrors ? { ignoreErrors: o.ignoreErrors } : {}),
  });
  await printDocument(ctx, {
    Description: v.description ?? null,
    Parameters: v.parameters,
    ...(v.parameterGroups ? { ParameterGroups: v.parameterGroups } : {}),
    ...(v.environment ? { Environment: v.environment } : {}),
  });
}

export async function resourceTypeList(
  ctx: CliContext,
  o: { filter?: string[]; long?: boolean },
): Promise<void> {
  const f = parseProperties(o.filter, '--filter');
  for (const k of Object.keys(f)) {
    if (!['name', 'version', 'support_status'].includes(k)) {
      throw new ValidationError(`unknown filter "${k}"`, {
        field: '--filter',
        fix: 'name, version, support_status',
      });
    }
  }
  const conn = await ctx.connection('orchestration');
  const types = await conn.orchestration.listResourceTypes({
    ...(f.name ? { name: f.name } : {}),
    ...(f.version ? { version: f.version } : {}),
    ...(f.support_status ? { supportStatus: f.support_status } : {}),
    ...(o.long ? { withDescription: true } : {}),
  });
  const rows = types.map((t) => ({ 'Resource Type': t.resourceType, Description: t.description ?? null }));
  await ctx.printList(rows, o.long ? ['Resource Type', 'Description'] : ['Resource Type']);
}
