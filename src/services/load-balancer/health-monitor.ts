import { defineResource, f } from '../../resource/index.js';
import { baseFields, baseQuery, type IdRef, statusFields } from './common.js';

/**
 * Health monitor (`/lbaas/healthmonitors`): how a pool's members are checked; one per pool.
 *
 * @example
 * ```ts
 * const pool = await conn.loadBalancer.findPool('web-pool');
 * await conn.loadBalancer.createHealthMonitor({ poolId: pool.id, type: 'HTTP', delay: 5, timeout: 3, maxRetries: 3 });
 * ```
 */
export const HealthMonitor = defineResource({
  name: 'health monitor',
  basePath: '/lbaas/healthmonitors',
  resourceKey: 'healthmonitor',
  resourcesKey: 'healthmonitors',
  statusField: 'provisioningStatus',
  fields: {
    ...baseFields,
    ...statusFields,
    /** The pool it checks. */
    poolId: f.string({ api: 'pool_id', createOnly: true }),
    /** `HTTP`, `HTTPS`, `PING`, `TCP`, `TLS-HELLO`, `UDP-CONNECT` or `SCTP`. */
    type: f.string({ createOnly: true, required: true }).always(),
    /** Seconds between checks. */
    delay: f.integer({ required: true }).always(),
    /** Seconds a check may take (at most `delay`). */
    timeout: f.integer({ required: true }).always(),
    /** Successes in a row that bring a member back ONLINE (1-10). */
    maxRetries: f.integer({ api: 'max_retries', required: true }).always(),
    /** Failures in a row that mark a member ERROR (1-10, default 3). */
    maxRetriesDown: f.integer({ api: 'max_retries_down' }).always(),
    /** HTTP checks: the method (default `GET`). */
    httpMethod: f.string({ api: 'http_method' }),
    /** HTTP checks: the path (default `/`). */
    urlPath: f.string({ api: 'url_path' }),
    /** HTTP checks: the healthy codes (`200`, `200,202`, `200-204`). */
    expectedCodes: f.string({ api: 'expected_codes' }),
    /** HTTP checks: `1.0` or `1.1`. */
    httpVersion: f.number({ api: 'http_version', nullable: true }).returnsNull(),
    /** HTTP/1.1 checks: the Host header. */
    domainName: f.string({ api: 'domain_name', nullable: true }).returnsNull(),
    /** The pool it checks. */
    pools: f.array<IdRef>().readOnly(),
  },
  query: {
    ...baseQuery,
    poolId: 'pool_id',
    type: 'type',
    delay: 'delay',
    timeout: 'timeout',
    maxRetries: 'max_retries',
    maxRetriesDown: 'max_retries_down',
    httpMethod: 'http_method',
    urlPath: 'url_path',
    expectedCodes: 'expected_codes',
  },
});
