import { defineResource, f } from '../../resource/index.js';
import { baseFields, baseQuery, type IdRef, statusFields } from './common.js';

/** How a pool keeps a client on the same member. */
export interface SessionPersistence {
  /** `SOURCE_IP`, `HTTP_COOKIE` or `APP_COOKIE`. */
  type: string;
  /** The cookie (`APP_COOKIE`). */
  cookie_name?: string | null;
  /** UDP/SCTP: seconds a source stays on a member. */
  persistence_timeout?: number | null;
  /** UDP/SCTP: netmask grouping sources. */
  persistence_granularity?: string | null;
}

/**
 * Pool (`/lbaas/pools`): the members one listener (or L7 policy) sends traffic to, with the
 * balancing algorithm, session persistence and backend TLS.
 *
 * @example
 * ```ts
 * const l = await conn.loadBalancer.findListener('web-http');
 * const pool = await conn.loadBalancer.createPool({ listenerId: l.id, protocol: 'HTTP', lbAlgorithm: 'ROUND_ROBIN' });
 * ```
 */
export const Pool = defineResource({
  name: 'pool',
  basePath: '/lbaas/pools',
  statusField: 'provisioningStatus',
  fields: {
    ...baseFields,
    ...statusFields,
    /** The listener whose default pool it becomes (give this or `loadbalancerId`). */
    listenerId: f.string({ api: 'listener_id', createOnly: true }),
    /** The load balancer to put it on (give this or `listenerId`). */
    loadbalancerId: f.string({ api: 'loadbalancer_id', createOnly: true }),
    /** `HTTP`, `HTTPS`, `PROXY`, `PROXYV2`, `TCP`, `UDP` or `SCTP`. */
    protocol: f.string({ createOnly: true, required: true }).always(),
    /** `ROUND_ROBIN`, `LEAST_CONNECTIONS`, `SOURCE_IP` or `SOURCE_IP_PORT`. */
    lbAlgorithm: f.string({ api: 'lb_algorithm', required: true }).always(),
    /** Session persistence; null for none. */
    sessionPersistence: f
      .object<SessionPersistence>({ api: 'session_persistence', nullable: true })
      .returnsNull(),
    /** The pool's health monitor, if any. */
    healthmonitorId: f.string({ api: 'healthmonitor_id', readOnly: true }).returnsNull(),
    /** The members. */
    members: f.array<IdRef>().readOnly(),
    /** The listeners using it. */
    listeners: f.array<IdRef>().readOnly(),
    /** The load balancer it is on. */
    loadbalancers: f.array<IdRef>().readOnly(),
    /** Encrypt traffic to the members. */
    tlsEnabled: f.boolean({ api: 'tls_enabled' }),
    /** Barbican ref of the client certificate presented to members. */
    tlsContainerRef: f.string({ api: 'tls_container_ref', nullable: true }).returnsNull(),
    /** Barbican ref of the CA that signs members' certificates. */
    caTlsContainerRef: f.string({ api: 'ca_tls_container_ref', nullable: true }).returnsNull(),
    /** Barbican ref of the revocation list for members' certificates. */
    crlContainerRef: f.string({ api: 'crl_container_ref', nullable: true }).returnsNull(),
    /** OpenSSL cipher string (backend TLS). */
    tlsCiphers: f.string({ api: 'tls_ciphers', nullable: true }).returnsNull(),
    /** TLS versions allowed to members. */
    tlsVersions: f.array<string>({ api: 'tls_versions', nullable: true }).returnsNull(),
    /** ALPN protocols offered to members. */
    alpnProtocols: f.array<string>({ api: 'alpn_protocols', nullable: true }).returnsNull(),
  },
  query: {
    ...baseQuery,
    loadbalancerId: 'loadbalancer_id',
    protocol: 'protocol',
    lbAlgorithm: 'lb_algorithm',
    healthmonitorId: 'healthmonitor_id',
  },
});
