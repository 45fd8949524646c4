/**
 * The key manager v1 proxy (barbican): `conn.keyManager`. Secrets with their payloads,
 * metadata and ACLs; containers with their consumers; orders for generated keys; quotas.
 *
 * Barbican names everything by URL (`secret_ref`, `container_ref`, `order_ref`) and pages
 * its listings by offset, so this proxy has no generated verbs: its sections read barbican's
 * documents through `entities.ts`, which gives every resource an `id` (the ref's uuid), and
 * every method takes a uuid, a ref or a resource. Payloads stay out of logs and errors
 * (`payload-guard.ts`). Barbican's only microversion (1.1, secret consumers) is not used:
 * requests carry no version header.
 *
 * The class is assembled from one section per family by {@link mixSections}.
 */
import type { Session } from '../../session/session.js';
import { mixSections } from '../proxy-sections.js';
import { type ProxyOptions, ServiceProxy } from '../service-proxy.js';
import { keyManagerV1Spec } from '../specs.js';
import { AclSection } from './acl-section.js';
import { ContainerSection } from './container-section.js';
import { SecretMetadataSection } from './metadata-section.js';
import { OrderSection } from './order-section.js';
import { QuotaSection } from './quota-section.js';
import { SecretSection } from './secret-section.js';

export type {
  ContainerConsumerResource,
  ContainerResource,
  OrderResource,
  SecretResource,
} from './resource-types.js';

/** The methods of every section of `conn.keyManager`. */
export interface KeyManagerV1
  extends SecretSection,
    SecretMetadataSection,
    ContainerSection,
    OrderSection,
    AclSection,
    QuotaSection {}

/**
 * Key manager (barbican): secrets, containers, orders, ACLs and quotas.
 *
 * @example
 * ```ts
 * import { Connection } from 'openstack-sdk';
 *
 * const conn = Connection.fromCloud('devcloud-demo');
 * const secret = await conn.keyManager.createSecret({ name: 'api-token', payload: 'tok-123456' });
 * console.log(await conn.keyManager.getSecretPayloadText(secret));
 * await conn.keyManager.deleteSecret(secret);
 * await conn.close();
 * ```
 */
export class KeyManagerV1 extends ServiceProxy {
  constructor(session: Session, opts: ProxyOptions = {}) {
    super(session, keyManagerV1Spec, opts);
  }
}

mixSections(KeyManagerV1, [
  SecretSection,
  SecretMetadataSection,
  ContainerSection,
  OrderSection,
  AclSection,
  QuotaSection,
]);
