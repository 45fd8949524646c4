/** Shapes shared by keystone resources. */

/** `links` of a keystone entity: its own URL (collections also carry previous/next). */
export interface IdentityLinks {
  self: string;
  previous?: string | null;
  next?: string | null;
  [rel: string]: string | null | undefined;
}

/** A reference to an entity by id and/or name (roles of an application credential, token scopes). */
export interface NamedRef {
  id?: string;
  name?: string;
  domain?: { id?: string; name?: string };
  domain_id?: string | null;
  [key: string]: unknown;
}
