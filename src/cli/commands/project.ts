/** `ostack project ...` implementations. */
import { ForbiddenError, ValidationError } from '../../errors/errors.js';
import type { CliContext } from '../context.js';
import { showRow } from './common.js';

export async function list(
  ctx: CliContext,
  o: { domain?: string; myProjects?: boolean; long?: boolean },
): Promise<void> {
  const conn = await ctx.connection('identity');
  let projects: {
    id: string;
    name?: string | null;
    domainId?: string | null;
    description?: string | null;
    enabled?: boolean | null;
  }[];
  if (o.myProjects) projects = await conn.identity.listAvailableProjects().toArray();
  else {
    try {
      projects = await conn.identity.listProjects({ domainId: o.domain }).toArray();
    } catch (e) {
      // without the right to list every project, show the caller's own (as openstackclient does)
      if (!(e instanceof ForbiddenError)) throw e;
      projects = await conn.identity.listAvailableProjects().toArray();
    }
  }
  const rows = projects.map((p) => ({
    ID: p.id,
    Name: p.name,
    'Domain ID': p.domainId ?? null,
    Description: p.description ?? '',
    Enabled: p.enabled ?? null,
  }));
  await ctx.printList(rows, o.long ? ['ID', 'Name', 'Domain ID', 'Description', 'Enabled'] : ['ID', 'Name']);
}

export async function show(ctx: CliContext, project: string): Promise<void> {
  const conn = await ctx.connection('identity');
  let p: { raw: Record<string, unknown> } | undefined;
  try {
    p = await conn.identity.findProject(project);
  } catch (e) {
    if (!(e instanceof ForbiddenError)) throw e;
    // a member may read its own project by id, or find it among its projects
    const mine = await conn.identity.listAvailableProjects().toArray();
    p = mine.find((x) => x.id === project || x.name === project);
    if (!p) throw e;
  }
  await ctx.printOne(showRow(p.raw));
}

export async function cleanup(
  ctx: CliContext,
  o: { dryRun?: boolean; autoApprove?: boolean; namePrefix?: string; createdBefore?: string },
): Promise<void> {
  if (!o.dryRun && !o.autoApprove) {
    throw new ValidationError('deleting needs --auto-approve', {
      field: '--auto-approve',
      fix: 'run with --dry-run first, then with --auto-approve',
    });
  }
  if (o.createdBefore && Number.isNaN(Date.parse(o.createdBefore))) {
    throw new ValidationError(`not a time: "${o.createdBefore}"`, {
      field: '--created-before',
      fix: 'use ISO 8601',
    });
  }
  const conn = await ctx.fullConnection();
  const r = await conn.cloud.projectCleanup({
    dryRun: !!o.dryRun,
    filters: { namePrefix: o.namePrefix, createdBefore: o.createdBefore },
    onAction: (a) => {
      if (!o.dryRun)
        ctx.note(`${a.status} ${a.type} ${a.name ?? ''} ${a.id}${a.error ? `: ${a.error}` : ''}`);
    },
  });
  await ctx.printList(
    r.actions.map((a) => ({
      Type: a.type,
      ID: a.id,
      Name: a.name ?? '',
      Status: a.status,
      Error: a.error ?? '',
    })),
    ['Type', 'ID', 'Name', 'Status'],
  );
  if (r.failed) throw new Error(`${r.failed} of ${r.actions.length} cleanup steps failed`);
}
