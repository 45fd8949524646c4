/**
 * Containers (`/v1/containers`): named references to secrets that belong together. A `generic`
 * container holds any secrets under any names; `rsa` holds `public_key`, `private_key` and
 * optionally `private_key_passphrase`; `certificate` holds `certificate` with optionally
 * `private_key`, `private_key_passphrase` and `intermediates`. Consumers register their use of
 * a container (a load balancer using a certificate) so that it is not deleted under them.
 */
import { defineResource, f } from '../../resource/index.js';

/** The kinds of container. */
export const CONTAINER_TYPES = ['generic', 'rsa', 'certificate'] as const;

/** A container's kind (one of {@link CONTAINER_TYPES}). */
export type ContainerType = (typeof CONTAINER_TYPES)[number];

/** One secret of a container, as barbican sends it: its name in the container and its ref. */
export interface ContainerSecretRef {
  /** The name under which the container holds it (`private_key`, or any name in a generic one). */
  name: string;
  /** The secret's URL. */
  secret_ref: string;
}

/** A registered user of a container: a service's name and the URL of what uses it. */
export interface ContainerConsumer {
  /** The consumer's name (e.g. `lbaas`). */
  name: string;
  /** The URL of the consuming resource. */
  URL: string;
}

/** A container of secrets. */
export const Container = defineResource({
  name: 'container',
  basePath: '/containers',
  fields: {
    /** The uuid at the end of {@link containerRef} (barbican sends only the ref; the SDK derives it). */
    id: f.string({ readOnly: true }).always(),
    /** The container's URL: `http://.../v1/containers/<uuid>`. */
    containerRef: f.string({ api: 'container_ref', readOnly: true }).always(),
    name: f.string({ createOnly: true }).returnsNull(),
    /** What the container holds (default `generic`). */
    type: f.enum(CONTAINER_TYPES).createOnly().always(),
    status: f.string({ readOnly: true }).always(),
    /** The secrets it holds, by name. */
    secretRefs: f.array<ContainerSecretRef>({ api: 'secret_refs' }).readOnly().always(),
    /** Who registered as using it. */
    consumers: f.array<ContainerConsumer>().readOnly().always(),
    /** The keystone user id of the creator. */
    creatorId: f.string({ api: 'creator_id', readOnly: true }).always(),
    created: f.date({ readOnly: true }).always(),
    updated: f.date({ readOnly: true }).always(),
  },
  query: {
    name: 'name',
    type: 'type',
    /** Page offset (barbican pages by offset and limit). */
    offset: 'offset',
  },
  allow: { commit: false },
});

/** A consumer of a container as listed by `/containers/<uuid>/consumers`. */
export const ContainerConsumerEntry = defineResource({
  name: 'consumer',
  basePath: '/containers/{container_id}/consumers',
  fields: {
    /** The consumer's name. */
    name: f.string({ readOnly: true }).always(),
    /** The URL of the consuming resource. */
    URL: f.string({ readOnly: true }).always(),
    /** Barbican's own state of the registration. */
    status: f.string({ readOnly: true }),
    created: f.date({ readOnly: true }),
    updated: f.date({ readOnly: true }),
  },
  allow: { create: false, fetch: false, commit: false, delete: false },
});
