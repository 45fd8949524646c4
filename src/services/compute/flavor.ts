/** Compute flavor (`/flavors`). */
import { defineResource, f } from '../../resource/index.js';

export const Flavor = defineResource({
  name: 'flavor',
  basePath: '/flavors',
  listPath: '/flavors/detail',
  fields: {
    id: f.string({ createOnly: true }),
    name: f.string({ required: true, createOnly: true }),
    ram: f.integer({ required: true, createOnly: true }),
    vcpus: f.integer({ required: true, createOnly: true }),
    disk: f.integer({ required: true, createOnly: true }),
    ephemeral: f.integer({ api: 'OS-FLV-EXT-DATA:ephemeral', createOnly: true }),
    swap: f.any<number | ''>().createOnly(),
    rxtxFactor: f.number({ api: 'rxtx_factor', createOnly: true }),
    isPublic: f.boolean({ api: 'os-flavor-access:is_public', createOnly: true }),
    isDisabled: f.boolean({ api: 'OS-FLV-DISABLED:disabled', readOnly: true }),
    description: f.string({ minVersion: '2.55', nullable: true }),
    extraSpecs: f.object<Record<string, string>>({ api: 'extra_specs', minVersion: '2.61' }).readOnly(),
    links: f.array<{ rel: string; href: string }>().readOnly(),
  },
  query: {
    isPublic: 'is_public',
    minDisk: 'minDisk',
    minRam: 'minRam',
    sortKey: 'sort_key',
    sortDir: 'sort_dir',
  },
  pagination: 'links',
});
