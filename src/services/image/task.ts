import { defineResource, f } from '../../resource/index.js';

/**
 * Glance tasks (`/v2/tasks`, and `/v2/images/{id}/tasks` for an image's import tasks).
 *
 * @example
 * ```ts
 * for await (const t of conn.image.listTasks({ status: 'failure' })) console.log(t.id, t.type, t.message);
 * ```
 */
export const Task = defineResource({
  name: 'task',
  basePath: '/tasks',
  resourceKey: null,
  resourcesKey: 'tasks',
  fields: {
    id: f.string({ readOnly: true }).always(),
    /** `import`, `api_image_import`, ... */
    type: f.string({ required: true, createOnly: true }).always(),
    input: f.object<Record<string, unknown>>().required().createOnly(),
    status: f
      .enum(['pending', 'processing', 'success', 'failure'] as const)
      .readOnly()
      .always(),
    result: f.any<Record<string, unknown> | null>().readOnly().returnsNull(),
    message: f.string({ readOnly: true }).returnsNull(),
    owner: f.string({ readOnly: true }).always(),
    imageId: f.string({ api: 'image_id', readOnly: true }),
    requestId: f.string({ api: 'request-id', readOnly: true }),
    user: f.string({ readOnly: true }),
    expiresAt: f.date({ api: 'expires_at', readOnly: true }).returnsNull(),
    createdAt: f.date({ api: 'created_at', readOnly: true }).always(),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }).always(),
    self: f.string({ readOnly: true }),
    schema: f.string({ readOnly: true }),
  },
  query: {
    type: 'type',
    status: 'status',
    sortKey: 'sort_key',
    sortDir: 'sort_dir',
  },
  allow: { commit: false, delete: false },
  pagination: 'links',
});
