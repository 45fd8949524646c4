/**
 * Fields and list filters every octavia object of the load balancing tree shares: identity,
 * owner, timestamps, tags and the two statuses. `provisioningStatus` is the one the waiters
 * watch: the provider moves it through `PENDING_CREATE` / `PENDING_UPDATE` / `PENDING_DELETE`
 * to `ACTIVE` (or `ERROR`, or gone); `operatingStatus` is what health monitoring observes.
 */
import { f } from '../../resource/index.js';

/** The provisioning statuses octavia reports. */
export const PROVISIONING_STATUSES = [
  'ACTIVE',
  'DELETED',
  'ERROR',
  'PENDING_CREATE',
  'PENDING_UPDATE',
  'PENDING_DELETE',
] as const;

/** The provisioning statuses that mean "the provider is still working on it". */
export const PENDING_STATUSES = ['PENDING_CREATE', 'PENDING_UPDATE', 'PENDING_DELETE'] as const;

/** Id, name, description, owner, timestamps and tags. */
export const baseFields = {
  id: f.string({ readOnly: true }).always(),
  name: f.string().always(),
  description: f.string(),
  /** The owning project; admins may create objects for another project. */
  projectId: f.string({ api: 'project_id', createOnly: true }).always(),
  createdAt: f.string({ api: 'created_at', readOnly: true }),
  updatedAt: f.string({ api: 'updated_at', readOnly: true }).returnsNull(),
  tags: f.array<string>(),
  adminStateUp: f.boolean({ api: 'admin_state_up' }).always(),
};

/** The two statuses of every object of the load balancing tree. */
export const statusFields = {
  /** `ACTIVE`, `PENDING_CREATE`, `PENDING_UPDATE`, `PENDING_DELETE`, `ERROR` or `DELETED`. */
  provisioningStatus: f.string({ api: 'provisioning_status', readOnly: true }).always(),
  /** `ONLINE`, `OFFLINE`, `DEGRADED`, `ERROR`, `DRAINING` or `NO_MONITOR`. */
  operatingStatus: f.string({ api: 'operating_status', readOnly: true }).always(),
};

/** The list filters every collection of the tree accepts. */
export const baseQuery = {
  id: 'id',
  name: 'name',
  description: 'description',
  projectId: 'project_id',
  adminStateUp: 'admin_state_up',
  provisioningStatus: 'provisioning_status',
  operatingStatus: 'operating_status',
  tags: 'tags',
  tagsAny: 'tags-any',
  notTags: 'not-tags',
  notTagsAny: 'not-tags-any',
  fields: 'fields',
  sortKey: 'sort_key',
  sortDir: 'sort_dir',
} as const;

/** A reference to another object of the tree, as octavia nests them (`[{"id": "..."}]`). */
export interface IdRef {
  /** The referenced object's id. */
  id: string;
}
