import { defineResource, f } from '../../resource/index.js';
import { baseQuery, ownerFields } from './common.js';

/**
 * Address group (`/address-groups`): a set of CIDRs security group rules can refer to.
 *
 * @example
 * ```ts
 * const office = await conn.network.createAddressGroup({ name: 'office', addresses: ['203.0.113.0/24'] });
 * await conn.network.addAddressGroupAddresses(office, ['198.51.100.7/32']);
 * const sg = await conn.network.findSecurityGroup('web');
 * await conn.network.createSecurityGroupRule({ securityGroupId: sg.id, direction: 'ingress', protocol: 'tcp', portRangeMin: 22, portRangeMax: 22, remoteAddressGroupId: office.id });
 * ```
 */
export const AddressGroup = defineResource({
  name: 'address group',
  basePath: '/address-groups',
  fields: {
    id: f.string({ readOnly: true }).always(),
    name: f.string().always(),
    description: f.string().always(),
    ...ownerFields,
    /** CIDRs; change them with add/removeAddressGroupAddresses. */
    addresses: f.array<string>().createOnly().always(),
  },
  query: {
    ...baseQuery,
    name: 'name',
    description: 'description',
    projectId: 'project_id',
    tenantId: 'tenant_id',
  },
});
