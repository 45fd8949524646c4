/** Shapes shared by keystone resources. */
import type { ResourceBase } from '../../resource/index.js';

/** An id, or a resource whose id is used. */
export type IdRef = string | ResourceBase<any>;

/** `links` of a keystone entity: its own URL (collections also carry previous/next). */
export interface IdentityLinks {
  /** The entity's (or collection's) own URL. */
  self: string;
  /** The previous page of a collection. */
  previous?: string | null;
  /** The next page of a collection. */
  next?: string | null;
  [rel: string]: string | null | undefined;
}

/** A reference to an entity by id and/or name (roles of an application credential, token scopes). */
export interface NamedRef {
  /** The entity's id. */
  id?: string;
  /** Its name (unique within its domain). */
  name?: string;
  /** Its domain, when a name needs one to be unique. */
  domain?: { id?: string; name?: string };
  /** Its domain's id, as some APIs report it. */
  domain_id?: string | null;
  [key: string]: unknown;
}
