import { defineResource, f } from '../../resource/index.js';
import { baseQuery, ownerFields } from './common.js';

/**
 * Address scope (`/address-scopes`): subnet pools in one scope route to each other without NAT.
 *
 * @example
 * ```ts
 * const scope = await conn.network.createAddressScope({ name: 'corp-v4', ipVersion: 4 });
 * // subnet pools in the same scope route to each other without NAT
 * await conn.network.createSubnetPool({ name: 'corp-pool', prefixes: ['10.10.0.0/16'], addressScopeId: scope.id });
 * ```
 */
export const AddressScope = defineResource({
  name: 'address scope',
  basePath: '/address-scopes',
  fields: {
    id: f.string({ readOnly: true }).always(),
    name: f.string({ required: true }).always(),
    ...ownerFields,
    /** 4 or 6, checked before sending. */
    ipVersion: f
      .any<4 | 6>({ api: 'ip_version', values: [4, 6] })
      .createOnly()
      .required()
      .always(),
    shared: f.boolean().always(),
  },
  query: {
    ...baseQuery,
    name: 'name',
    projectId: 'project_id',
    tenantId: 'tenant_id',
    ipVersion: 'ip_version',
    shared: 'shared',
  },
});
