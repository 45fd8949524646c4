export type { Acl, AclInput } from './acl.js';
export type { AclSection } from './acl-section.js';
export {
  CONTAINER_TYPES,
  Container,
  type ContainerConsumer,
  ContainerConsumerEntry,
  type ContainerSecretRef,
  type ContainerType,
} from './container.js';
export type { ContainerCreate, ContainerSection } from './container-section.js';
export type { SecretMetadataSection } from './metadata-section.js';
export { ORDER_TYPES, Order, type OrderMeta, type OrderType } from './order.js';
export { type OrderCreate, type OrderSection, orderFailure } from './order-section.js';
export {
  type ContainerConsumerResource,
  type ContainerResource,
  KeyManagerV1,
  type OrderResource,
  type SecretResource,
} from './proxy.js';
export { type KeyManagerQuotas, type ProjectQuotas, QUOTA_NAMES } from './quota.js';
export type { QuotaSection } from './quota-section.js';
export { idOfRef, type RefArg } from './refs.js';
export { SECRET_TYPES, Secret, type SecretType } from './secret.js';
export type { PayloadOptions, PutPayloadOptions, SecretCreate, SecretSection } from './secret-section.js';
