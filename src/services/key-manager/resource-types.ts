/**
 * The instance types of key manager resources, as the proxy's methods return them (re-exported
 * by ./proxy.ts).
 */
import type { Resource } from '../../resource/instance.js';
import type { Container, ContainerConsumerEntry } from './container.js';
import type { Order } from './order.js';
import type { Secret } from './secret.js';

/** A secret's description (never its payload). */
export type SecretResource = Resource<(typeof Secret)['fields']>;
/** A container of secrets. */
export type ContainerResource = Resource<(typeof Container)['fields']>;
/** A registered consumer of a container. */
export type ContainerConsumerResource = Resource<(typeof ContainerConsumerEntry)['fields']>;
/** An order for a generated key or key pair. */
export type OrderResource = Resource<(typeof Order)['fields']>;
