/**
 * Pieces every neutron resource shares: the standard attributes (description, timestamps,
 * revision number, tags), ownership fields, and the list parameters neutron accepts on most
 * collections (standard-attribute filters, tag filters, `fields` selection, sorting).
 */
import { f } from '../../resource/index.js';

/**
 * Owner fields: `project_id` and its deprecated alias `tenant_id` (admin may create for another
 * project). Neutron always reports `project_id`; `tenant_id` may be dropped.
 */
export const ownerFields = {
  projectId: f.string({ api: 'project_id', createOnly: true, always: true }),
  /** Deprecated alias of projectId that neutron still returns and accepts. */
  tenantId: f.string({ api: 'tenant_id', createOnly: true }),
};

/**
 * Standard attributes of resources that have them (networks, ports, routers, ...): neutron
 * reports them on every such resource, except tags (the `standard-attr-tag` extension).
 */
export const standardFields = {
  description: f.string({ always: true }),
  createdAt: f.date({ api: 'created_at', readOnly: true, always: true }),
  updatedAt: f.date({ api: 'updated_at', readOnly: true, always: true }),
  revisionNumber: f.integer({ api: 'revision_number', readOnly: true, always: true }),
  /** Tags are changed through the tag API (`conn.network.setTags(...)`), not in create/update bodies. */
  tags: f.array<string>().readOnly(),
};

/** List parameters every neutron collection accepts: `fields` selection and sorting (both repeatable). */
export const baseQuery = {
  id: 'id',
  /** Only return these fields (repeat: `fields: ['id', 'name']`). */
  fields: 'fields',
  /** Sort keys (repeatable, paired with sortDir). */
  sortKey: 'sort_key',
  /** Sort directions, `asc` or `desc` (repeatable). */
  sortDir: 'sort_dir',
} as const;

/**
 * Filters on the standard attributes, including the tag filters (comma-separated or repeated).
 * Neutron does not filter on `created_at`/`updated_at` (it answers 400 "invalid attribute for
 * filtering"); sort by them instead (`sortKey: 'created_at'`).
 */
export const standardQuery = {
  ...baseQuery,
  name: 'name',
  description: 'description',
  projectId: 'project_id',
  tenantId: 'tenant_id',
  revisionNumber: 'revision_number',
  /** Resources carrying all these tags. */
  tags: 'tags',
  /** Resources carrying any of these tags. */
  tagsAny: 'tags-any',
  /** Resources not carrying all of these tags. */
  notTags: 'not-tags',
  /** Resources carrying none of these tags. */
  notTagsAny: 'not-tags-any',
} as const;

/** A link as neutron returns it. */
export interface Link {
  /** The relation, e.g. `self` or `next`. */
  rel: string;
  /** The URL. */
  href: string;
}
