/**
 * The ACL methods of `conn.keyManager`: read, replace, update and delete the `read` ACL of a
 * secret or a container.
 */
import { ValidationError } from '../../errors/errors.js';
import type { JsonDocument } from '../../session/decode.js';
import type { RequestOptions } from '../../session/request-options.js';
import type { ServiceClient } from '../../session/service-client.js';
import { ServiceProxy } from '../service-proxy.js';
import type { Acl, AclInput } from './acl.js';
import { type RefArg, refSegment } from './refs.js';

type Owner = 'secret' | 'container';

/** The `read` entry of an ACL document, as an {@link Acl}. */
function readAcl(doc: JsonDocument): Acl {
  const read = doc.optionalKey('read', 'object') as Record<string, unknown> | undefined;
  if (!read) return { projectAccess: true, users: [] };
  const users = read.users;
  if (users !== undefined && !Array.isArray(users))
    throw doc.fail('wrong-type', 'read.users is not an array');
  const out: Acl = {
    projectAccess: read['project-access'] !== false,
    users: (users ?? []).map(String),
  };
  if (typeof read.created === 'string') out.created = read.created;
  if (typeof read.updated === 'string') out.updated = read.updated;
  return out;
}

/** The request body of an ACL write, checked before anything is sent. */
function aclBody(acl: AclInput): { read: Record<string, unknown> } {
  if (!acl || typeof acl !== 'object') {
    throw new ValidationError('is required', {
      field: 'acl',
      fix: "pass { users: ['<user id>'], projectAccess: false }",
    });
  }
  const read: Record<string, unknown> = {};
  if (acl.users !== undefined) {
    if (!Array.isArray(acl.users) || acl.users.some((u) => typeof u !== 'string' || u === '')) {
      throw new ValidationError('must be an array of keystone user ids', {
        field: 'acl.users',
        fix: "pass e.g. ['6f6e0e6c...'] (user ids, not names)",
      });
    }
    read.users = acl.users;
  }
  if (acl.projectAccess !== undefined) {
    if (typeof acl.projectAccess !== 'boolean') {
      throw new ValidationError(`must be a boolean (got ${typeof acl.projectAccess})`, {
        field: 'acl.projectAccess',
        fix: 'pass true or false',
      });
    }
    read['project-access'] = acl.projectAccess;
  }
  return { read };
}

function aclPath(owner: Owner, x: RefArg): string {
  return `/${owner}s/${refSegment(owner, x)}/acl`;
}

async function getAcl(client: ServiceClient, owner: Owner, x: RefArg, opts: RequestOptions): Promise<Acl> {
  return readAcl(await client.decode('GET', aclPath(owner, x), {}, opts));
}

async function writeAcl(
  client: ServiceClient,
  owner: Owner,
  method: 'PUT' | 'PATCH',
  x: RefArg,
  acl: AclInput,
  opts: RequestOptions,
): Promise<Acl> {
  await client.decode(method, aclPath(owner, x), { json: aclBody(acl) }, opts);
  return getAcl(client, owner, x, opts);
}

async function deleteAcl(
  client: ServiceClient,
  owner: Owner,
  x: RefArg,
  opts: RequestOptions,
): Promise<void> {
  const res = await client.request('DELETE', aclPath(owner, x), {}, opts);
  await res.body.dump();
}

/** Secret and container ACLs (a section of `conn.keyManager`, never constructed). */
export abstract class AclSection extends ServiceProxy {
  /** A secret's `read` ACL (the default, project-wide one when none was set). */
  async getSecretAcl(secret: RefArg, opts: RequestOptions = {}): Promise<Acl> {
    return getAcl(this.client, 'secret', secret, opts);
  }

  /**
   * Replace a secret's `read` ACL (what is left out is reset: users to none, project access to true).
   *
   * @example
   * ```ts
   * const secret = await conn.keyManager.createSecret({ name: 'shared', payload: 'for-one-user' });
   * const me = await conn.authorize();
   * await conn.keyManager.setSecretAcl(secret, { users: [me.userId ?? ''], projectAccess: false });
   * console.log(await conn.keyManager.getSecretAcl(secret)); // { projectAccess: false, users: [...] }
   * await conn.keyManager.deleteSecret(secret);
   * ```
   */
  async setSecretAcl(secret: RefArg, acl: AclInput, opts: RequestOptions = {}): Promise<Acl> {
    return writeAcl(this.client, 'secret', 'PUT', secret, acl, opts);
  }

  /** Change only what `acl` names of a secret's `read` ACL (users given replace the list). */
  async updateSecretAcl(secret: RefArg, acl: AclInput, opts: RequestOptions = {}): Promise<Acl> {
    return writeAcl(this.client, 'secret', 'PATCH', secret, acl, opts);
  }

  /** Delete a secret's ACLs: back to project-wide access and no extra users. */
  async deleteSecretAcl(secret: RefArg, opts: RequestOptions = {}): Promise<void> {
    return deleteAcl(this.client, 'secret', secret, opts);
  }

  /** A container's `read` ACL. */
  async getContainerAcl(container: RefArg, opts: RequestOptions = {}): Promise<Acl> {
    return getAcl(this.client, 'container', container, opts);
  }

  /** Replace a container's `read` ACL. */
  async setContainerAcl(container: RefArg, acl: AclInput, opts: RequestOptions = {}): Promise<Acl> {
    return writeAcl(this.client, 'container', 'PUT', container, acl, opts);
  }

  /** Change only what `acl` names of a container's `read` ACL. */
  async updateContainerAcl(container: RefArg, acl: AclInput, opts: RequestOptions = {}): Promise<Acl> {
    return writeAcl(this.client, 'container', 'PATCH', container, acl, opts);
  }

  /** Delete a container's ACLs. */
  async deleteContainerAcl(container: RefArg, opts: RequestOptions = {}): Promise<void> {
    return deleteAcl(this.client, 'container', container, opts);
  }
}
