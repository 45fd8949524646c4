/**
 * Type shorthands the compute proxy's sections share in their signatures (kept unexported from
 * the package, as they were when the proxy was one class).
 */
import type { Resource, ResourceBase, ResourceDefinition } from '../../resource/index.js';

/** An id, or a resource whose id is used. */
export type IdRef = string | ResourceBase<any>;
/** The fields of a resource definition. */
export type FieldsOf<D> = D extends { fields: infer F } ? F : never;
/** The resource type a definition's verbs return. */
export type R<D> = D extends ResourceDefinition<infer F, any> ? Resource<F> : never;
