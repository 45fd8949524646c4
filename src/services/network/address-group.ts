import { defineResource, f } from '../../resource/index.js';
import { baseQuery, ownerFields } from './common.js';

/** Address group (`/address-groups`): a set of CIDRs security group rules can refer to. */
export const AddressGroup = defineResource({
  name: 'address group',
  basePath: '/address-groups',
  fields: {
    id: f.string({ readOnly: true }),
    name: f.string(),
    description: f.string(),
    ...ownerFields,
    /** CIDRs; change them with add/removeAddressGroupAddresses. */
    addresses: f.array<string>().createOnly(),
  },
  query: {
    ...baseQuery,
    name: 'name',
    description: 'description',
    projectId: 'project_id',
    tenantId: 'tenant_id',
  },
});
