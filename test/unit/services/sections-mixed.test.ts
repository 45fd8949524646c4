/**
 * A proxy lists its sections twice: in its interface (the types, and what the API reference
 * documents) and in its mixSections call (the methods at run time). A section left out of the
 * call would type-check and then fail with "not a function" on the user's machine: every
 * section module's methods must be on its service's proxy.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import * as sdk from '../../../src/index.js';
import { ServiceProxy } from '../../../src/services/service-proxy.js';

const servicesDir = join(import.meta.dirname, '../../../src/services');
const proxies: Record<string, { prototype: object }> = {
  'block-storage': sdk.BlockStorageV3,
  compute: sdk.ComputeV2,
  identity: sdk.IdentityV3,
  image: sdk.ImageV2,
  network: sdk.NetworkV2,
  'object-store': sdk.ObjectStoreV1,
  placement: sdk.PlacementV1,
};

for (const [dir, proxy] of Object.entries(proxies)) {
  test(`${dir}: every section's methods are on the proxy`, async () => {
    const files = readdirSync(join(servicesDir, dir)).filter((f) => f.endsWith('-section.ts'));
    let methods = 0;
    for (const file of files) {
      const mod = (await import(pathToFileURL(join(servicesDir, dir, file)).href)) as Record<string, unknown>;
      for (const [sectionName, value] of Object.entries(mod)) {
        if (typeof value !== 'function' || !(value.prototype instanceof ServiceProxy)) continue;
        for (const method of Object.getOwnPropertyNames(value.prototype)) {
          if (method === 'constructor') continue;
          methods++;
          assert.ok(
            method in proxy.prototype,
            `${dir}/${file}: ${sectionName}.${method} is not on the proxy: add ${sectionName} to its mixSections call`,
          );
        }
      }
    }
    // network has no sections (its hand-written methods are in the class)
    if (dir !== 'network') assert.ok(methods > 0, `${dir}: found no section methods to check in ${files}`);
  });
}
