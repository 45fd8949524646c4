/**
 * Access control lists of secrets and containers (`/secrets/<uuid>/acl`,
 * `/containers/<uuid>/acl`): who besides the project may read. Barbican has one operation,
 * `read`; its ACL names users who may read, and whether the whole owning project may
 * (`projectAccess`, default true: false makes the secret private to its creator and the users).
 */

/** The `read` ACL as the SDK returns it. */
export interface Acl {
  /** Whether every user of the owning project may read (true when no ACL was ever set). */
  projectAccess: boolean;
  /** Keystone user ids allowed to read, in any project. */
  users: string[];
  /** When the ACL was first set (absent for the default ACL). */
  created?: string;
  /** When it last changed. */
  updated?: string;
}

/** What {@link Acl} a set or update sends; what is left out is not changed (update) or reset (set). */
export interface AclInput {
  /** Whether every user of the owning project may read. */
  projectAccess?: boolean;
  /** Keystone user ids allowed to read. */
  users?: string[];
}
