/** `ostack acl ...` implementations (barbican), with openstackclient's columns. */
import { ValidationError } from '../../errors/errors.js';
import type { Acl } from '../../services/key-manager/index.js';
import type { CliContext } from '../context.js';
import type { Row } from '../output.js';

const COLUMNS = ['Operation Type', 'Project Access', 'Users', 'Created', 'Updated'];

/** Whether an href names a secret or a container: the ACL endpoints differ. */
function ownerOf(uri: string): 'secret' | 'container' {
  const path = uri.replace(/[?#].*$/, '');
  if (/\/secrets\/[^/]+\/?$/.test(path)) return 'secret';
  if (/\/containers\/[^/]+\/?$/.test(path)) return 'container';
  throw new ValidationError(`is not a secret or container href (got "${uri}")`, {
    field: 'uri',
    fix: 'pass the whole href, http://.../v1/secrets/<uuid> or http://.../v1/containers/<uuid>',
  });
}

/** A barbican time as openstackclient prints it: barbican sends UTC without an offset. */
function utc(t: string | undefined): string | null {
  if (!t) return null;
  return /(Z|[+-]\d\d:\d\d)$/.test(t) ? t : `${t}+00:00`;
}

function aclRows(uri: string, owner: 'secret' | 'container', acl: Acl): Row[] {
  const refColumn = owner === 'secret' ? 'Secret ACL Ref' : 'Container ACL Ref';
  return [
    {
      'Operation Type': 'read',
      'Project Access': acl.projectAccess,
      Users: acl.users,
      Created: utc(acl.created),
      Updated: utc(acl.updated),
      [refColumn]: `${uri.replace(/\/+$/, '')}/acl`,
    },
  ];
}

export async function get(ctx: CliContext, uri: string): Promise<void> {
  const owner = ownerOf(uri);
  const conn = await ctx.connection('keyManager');
  const km = conn.keyManager;
  const acl = owner === 'secret' ? await km.getSecretAcl(uri) : await km.getContainerAcl(uri);
  const rows = aclRows(uri, owner, acl);
  await ctx.printList(rows, [...COLUMNS, Object.keys(rows[0]!).at(-1)!]);
}

export async function submit(
  ctx: CliContext,
  uri: string,
  o: { user?: string[]; projectAccess?: boolean; operationType?: string },
): Promise<void> {
  const owner = ownerOf(uri);
  if ((o.operationType ?? 'read') !== 'read') {
    throw new ValidationError(`must be read (got "${o.operationType}")`, {
      field: '--operation-type',
      fix: 'barbican has ACLs for read only',
    });
  }
  const input = {
    users: o.user ?? [],
    ...(o.projectAccess === undefined ? {} : { projectAccess: o.projectAccess }),
  };
  const conn = await ctx.connection('keyManager');
  const km = conn.keyManager;
  const acl = owner === 'secret' ? await km.setSecretAcl(uri, input) : await km.setContainerAcl(uri, input);
  const rows = aclRows(uri, owner, acl);
  await ctx.printList(rows, [...COLUMNS, Object.keys(rows[0]!).at(-1)!]);
}

export async function remove(ctx: CliContext, uri: string): Promise<void> {
  const owner = ownerOf(uri);
  const conn = await ctx.connection('keyManager');
  if (owner === 'secret') await conn.keyManager.deleteSecretAcl(uri);
  else await conn.keyManager.deleteContainerAcl(uri);
}
