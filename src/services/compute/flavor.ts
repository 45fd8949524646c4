import { defineResource, f } from '../../resource/index.js';

/**
 * Compute flavor (`/flavors`). Flavors are created and deleted by admins; only the
 * description changes afterwards (2.55+). Extra specs and project access of private
 * flavors are methods of the proxy.
 *
 * @example
 * ```ts
 * const small = await conn.compute.findFlavor('m1.small');
 * console.log(small.vcpus, small.ram, small.disk);
 * // admin: a private flavor, then let one project use it
 * const f = await conn.compute.createFlavor({ name: 'c2.big', vcpus: 2, ram: 4096, disk: 20, isPublic: false });
 * await conn.compute.addFlavorAccess(f, 'PROJECT_ID');
 * await conn.compute.deleteFlavor(f);
 * ```
 */
export const Flavor = defineResource({
  name: 'flavor',
  basePath: '/flavors',
  listPath: '/flavors/detail',
  fields: {
    /** Chosen by nova (a UUID) when omitted at create. */
    id: f.string({ createOnly: true }).always(),
    name: f.string({ required: true, createOnly: true }).always(),
    /** Memory in MiB. */
    ram: f.integer({ required: true, createOnly: true }).always(),
    vcpus: f.integer({ required: true, createOnly: true }).always(),
    /** Root disk in GiB (0: the image's size). */
    disk: f.integer({ required: true, createOnly: true }).always(),
    /** Ephemeral disk in GiB. */
    ephemeral: f.integer({ api: 'OS-FLV-EXT-DATA:ephemeral', createOnly: true }).always(),
    /** Swap in MiB; nova reports `""` for none before 2.75. */
    swap: f.any<number | ''>().createOnly().always(),
    /** Up to microversion 2.101. */
    rxtxFactor: f.number({ api: 'rxtx_factor', maxVersion: '2.101', createOnly: true }),
    isPublic: f.boolean({ api: 'os-flavor-access:is_public', createOnly: true }).always(),
    isDisabled: f.boolean({ api: 'OS-FLV-DISABLED:disabled', readOnly: true }),
    /** From microversion 2.55. */
    description: f.string({ minVersion: '2.55', nullable: true }),
    /** The flavor's extra specs (2.61+; needs the policy to see them). */
    extraSpecs: f.object<Record<string, string>>({ api: 'extra_specs' }).readOnly(),
    links: f.array<{ rel: string; href: string }>().readOnly().always(),
  },
  query: {
    /** `true` (default: public ones, plus private ones shared with the project), `false`, or `'none'` (all; admin). */
    isPublic: 'is_public',
    minDisk: 'minDisk',
    minRam: 'minRam',
    sortKey: 'sort_key',
    sortDir: 'sort_dir',
    // `name` (2.102+) is above this SDK's compute range; declaring it would make findFlavor
    // send it, and older nova rejects unknown query parameters with 400.
  },
  pagination: 'links',
});
