import { defineResource, f } from '../../resource/index.js';
import { baseFields, baseQuery, type IdRef, statusFields } from './common.js';

/**
 * L7 policy (`/lbaas/l7policies`): what a listener does with requests its rules match:
 * `REJECT`, `REDIRECT_TO_URL`, `REDIRECT_PREFIX` or `REDIRECT_TO_POOL`. Policies apply in
 * `position` order; a policy without rules matches nothing.
 *
 * @example
 * ```ts
 * const l = await conn.loadBalancer.findListener('web-http');
 * const p = await conn.loadBalancer.createL7Policy({ listenerId: l.id, action: 'REDIRECT_TO_URL', redirectUrl: 'https://example.com' });
 * ```
 */
export const L7Policy = defineResource({
  name: 'l7policy',
  basePath: '/lbaas/l7policies',
  resourceKey: 'l7policy',
  resourcesKey: 'l7policies',
  statusField: 'provisioningStatus',
  fields: {
    ...baseFields,
    ...statusFields,
    /** The listener it belongs to. */
    listenerId: f.string({ api: 'listener_id', createOnly: true }).always(),
    /** `REJECT`, `REDIRECT_TO_URL`, `REDIRECT_PREFIX` or `REDIRECT_TO_POOL`. */
    action: f.string({ required: true }).always(),
    /** 1-based order among the listener's policies (default: last). */
    position: f.integer().always(),
    /** `REDIRECT_TO_POOL`: the pool. */
    redirectPoolId: f.string({ api: 'redirect_pool_id', nullable: true }).returnsNull(),
    /** `REDIRECT_TO_URL`: the URL. */
    redirectUrl: f.string({ api: 'redirect_url', nullable: true }).returnsNull(),
    /** `REDIRECT_PREFIX`: the prefix. */
    redirectPrefix: f.string({ api: 'redirect_prefix', nullable: true }).returnsNull(),
    /** The redirect's HTTP code (301, 302, 303, 307 or 308). */
    redirectHttpCode: f.integer({ api: 'redirect_http_code', nullable: true }).returnsNull(),
    /** Its rules. */
    rules: f.array<IdRef>().readOnly().always(),
  },
  query: {
    ...baseQuery,
    listenerId: 'listener_id',
    action: 'action',
    position: 'position',
    redirectPoolId: 'redirect_pool_id',
    redirectUrl: 'redirect_url',
    redirectPrefix: 'redirect_prefix',
  },
});
