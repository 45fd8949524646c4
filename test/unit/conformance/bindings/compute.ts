import { Flavor } from '../../../../src/services/compute/flavor.js';
import { Server } from '../../../../src/services/compute/server.js';
import type { SampleBinding } from '../harness.js';

export const bindings: SampleBinding[] = [
  {
    def: Server,
    service: 'compute',
    hints: ['servers'],
    microversioned: true,
    requestMode: (e) =>
      /server-update-req/.test(e.path)
        ? 'update'
        : /server-create-req|server-post-req/.test(e.path)
          ? 'create'
          : 'skip',
  },
  { def: Flavor, service: 'compute', hints: ['flavors'], microversioned: true },
];
