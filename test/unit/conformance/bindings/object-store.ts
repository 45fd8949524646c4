import { Container } from '../../../../src/services/object-store/container.js';
import { Capabilities } from '../../../../src/services/object-store/info.js';
import { StorageObject } from '../../../../src/services/object-store/object.js';
import type { SampleBinding } from '../harness.js';

// Swift's JSON samples are listing and /info bodies. Its header samples (*.txt) are replayed in
// test/unit/services/object-store/header-samples.test.ts; endpoints-list-*.json belong to the
// list_endpoints middleware, which the SDK does not model.
export const bindings: SampleBinding[] = [
  { def: Container, service: 'object-store', hints: ['account-containers'] },
  { def: StorageObject, service: 'object-store', hints: ['objects'] },
  { def: Capabilities, service: 'object-store', hints: ['capabilities'] },
];
