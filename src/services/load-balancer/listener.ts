import { defineResource, f } from '../../resource/index.js';
import { baseFields, baseQuery, type IdRef, statusFields } from './common.js';

/**
 * Listener (`/lbaas/listeners`): a protocol and port on a load balancer's VIP, with its
 * default pool, TLS settings and timeouts.
 *
 * @example
 * ```ts
 * const lb = await conn.loadBalancer.findLoadBalancer('web');
 * const l = await conn.loadBalancer.createListener({ name: 'http', loadbalancerId: lb.id, protocol: 'HTTP', protocolPort: 80 });
 * await conn.loadBalancer.waitForLoadBalancer(lb, 'ACTIVE');
 * ```
 */
export const Listener = defineResource({
  name: 'listener',
  basePath: '/lbaas/listeners',
  statusField: 'provisioningStatus',
  fields: {
    ...baseFields,
    ...statusFields,
    /** The load balancer to put it on (create only; reads report `loadbalancers`). */
    loadbalancerId: f.string({ api: 'loadbalancer_id', createOnly: true }),
    /** `HTTP`, `HTTPS`, `TERMINATED_HTTPS`, `TCP`, `UDP`, `SCTP` or `PROMETHEUS`. */
    protocol: f.string({ createOnly: true, required: true }).always(),
    /** The port it listens on (1-65535). */
    protocolPort: f.integer({ api: 'protocol_port', createOnly: true, required: true }).always(),
    /** Maximum connections; -1 is unlimited. */
    connectionLimit: f.integer({ api: 'connection_limit' }).always(),
    /** The pool requests go to when no L7 policy matches. */
    defaultPoolId: f.string({ api: 'default_pool_id', nullable: true }).returnsNull(),
    /** Barbican ref of the certificate for `TERMINATED_HTTPS`. */
    defaultTlsContainerRef: f.string({ api: 'default_tls_container_ref', nullable: true }).returnsNull(),
    /** Barbican refs of SNI certificates. */
    sniContainerRefs: f.array<string>({ api: 'sni_container_refs' }),
    /** Headers added to backend requests (`X-Forwarded-For`: `"true"`, ...). */
    insertHeaders: f.object<Record<string, string>>({ api: 'insert_headers' }),
    /** Frontend client inactivity timeout, ms. */
    timeoutClientData: f.integer({ api: 'timeout_client_data', nullable: true }),
    /** Backend member connection timeout, ms. */
    timeoutMemberConnect: f.integer({ api: 'timeout_member_connect', nullable: true }),
    /** Backend member inactivity timeout, ms. */
    timeoutMemberData: f.integer({ api: 'timeout_member_data', nullable: true }),
    /** Time to wait for content inspection, ms. */
    timeoutTcpInspect: f.integer({ api: 'timeout_tcp_inspect', nullable: true }),
    /** Barbican ref of the CA that signs client certificates. */
    clientCaTlsContainerRef: f.string({ api: 'client_ca_tls_container_ref', nullable: true }).returnsNull(),
    /** `NONE`, `OPTIONAL` or `MANDATORY`. */
    clientAuthentication: f.string({ api: 'client_authentication' }),
    /** Barbican ref of the client certificate revocation list. */
    clientCrlContainerRef: f.string({ api: 'client_crl_container_ref', nullable: true }).returnsNull(),
    /** CIDRs allowed to connect; null allows every source. */
    allowedCidrs: f.array<string>({ api: 'allowed_cidrs', nullable: true }).returnsNull(),
    /** OpenSSL cipher string (TLS listeners). */
    tlsCiphers: f.string({ api: 'tls_ciphers', nullable: true }).returnsNull(),
    /** TLS versions allowed (`TLSv1.2`, `TLSv1.3`). */
    tlsVersions: f.array<string>({ api: 'tls_versions', nullable: true }).returnsNull(),
    /** ALPN protocols offered (`h2`, `http/1.1`). */
    alpnProtocols: f.array<string>({ api: 'alpn_protocols', nullable: true }).returnsNull(),
    /** The L7 policies of this listener. */
    l7policies: f.array<IdRef>().readOnly(),
    /** The load balancer it is on. */
    loadbalancers: f.array<IdRef>().readOnly(),
  },
  query: {
    ...baseQuery,
    loadbalancerId: 'loadbalancer_id',
    protocol: 'protocol',
    protocolPort: 'protocol_port',
    connectionLimit: 'connection_limit',
    defaultPoolId: 'default_pool_id',
  },
});
