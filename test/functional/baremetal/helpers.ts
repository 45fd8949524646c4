/** What the bare metal functional tests share: removing a node whatever state a test left it in. */
import { ConflictError, NotFoundError } from '../../../src/index.js';
import type { BaremetalV1 } from '../../../src/services/baremetal/index.js';

/** Delete a node, undeploying or unrescuing it first when a failed test left it in use. */
export async function removeNode(bm: BaremetalV1, id: string): Promise<void> {
  try {
    await bm.deleteNode(id);
    return;
  } catch (e) {
    if (e instanceof NotFoundError) return;
    if (!(e instanceof ConflictError)) throw e;
  }
  const node = await bm.getNode(id);
  if (node.maintenance) await bm.unsetNodeMaintenance(id);
  const wait = { wait: { timeoutMs: 120_000, intervalMs: 1000 } };
  if (node.provisionState === 'rescue') await bm.unrescueNode(id, wait);
  if (['active', 'rescue', 'deploy failed'].includes(node.provisionState)) await bm.undeployNode(id, wait);
  await bm.deleteNode(id, { ignoreMissing: true });
}
