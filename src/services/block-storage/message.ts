import { defineResource, f } from '../../resource/index.js';

/**
 * User messages (`/messages`, 3.3): cinder's explanation of asynchronous failures, e.g. why a
 * volume went to `error` or why a backup could not be scheduled.
 */
export const Message = defineResource({
  name: 'message',
  basePath: '/messages',
  fields: {
    id: f.string({ readOnly: true }).always(),
    /** What happened, for people. */
    userMessage: f.string({ api: 'user_message', readOnly: true }).always(),
    /** Machine-readable event id, e.g. `VOLUME_000002`. */
    eventId: f.string({ api: 'event_id', readOnly: true }).always(),
    /** Only `ERROR` so far. */
    messageLevel: f.string({ api: 'message_level', readOnly: true }).always(),
    /** `VOLUME`, `VOLUME_SNAPSHOT`, `VOLUME_BACKUP`, ... */
    resourceType: f.string({ api: 'resource_type', readOnly: true }).always(),
    resourceUuid: f.string({ api: 'resource_uuid', readOnly: true }).always().returnsNull(),
    requestId: f.string({ api: 'request_id', readOnly: true }).always(),
    createdAt: f.date({ api: 'created_at', readOnly: true }).always(),
    guaranteedUntil: f.date({ api: 'guaranteed_until', readOnly: true }).always(),
    links: f.array<{ rel: string; href: string }>().readOnly().always(),
  },
  query: {
    resourceUuid: 'resource_uuid',
    resourceType: 'resource_type',
    eventId: 'event_id',
    messageLevel: 'message_level',
    requestId: 'request_id',
    sort: 'sort',
    sortKey: 'sort_key',
    sortDir: 'sort_dir',
    offset: 'offset',
  },
  nameField: undefined,
  pagination: 'links',
  allow: { create: false, commit: false },
});
