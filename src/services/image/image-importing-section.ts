/** The image proxy's section for interoperable import (`/images/{id}/import`) and its tasks. */
import { ResourceFailureError, TimeoutError } from '../../errors/errors.js';
import {
  fetchResource,
  idSegment,
  instantiate,
  type RequestOptions,
  type Resource,
  requireId,
  toRequest,
  type WaitOptions,
} from '../../resource/index.js';
import { sleep } from '../../transport/retry.js';
import { ServiceProxy } from '../service-proxy.js';
import { Image, type ImageRef, type ImageResource } from './image.js';
import { checkImportMethod, ImageImport, type ImportMethod } from './image-import.js';
import { Task } from './task.js';

type TaskResource = Resource<(typeof Task)['fields']>;

/** Options of {@link ImageV2.importImage}. */
export interface ImportOptions extends RequestOptions {
  /** Target store ids (multi-store clouds). */
  stores?: string[];
  /** Import to every store (multi-store clouds). */
  allStores?: boolean;
  /** Fail the import when one store fails (with `stores` or `allStores`). */
  allStoresMustSucceed?: boolean;
}

/** Interoperable import (a section of `ImageV2`, `conn.image`). */
export abstract class ImageImportSection extends ServiceProxy {
  /**
   * The import methods this cloud offers (`GET /v2/info/import`), e.g. `['glance-direct', 'web-download']`.
   *
   * @example
   * ```ts
   * const methods = await conn.image.getImportMethods();
   * if (!methods.includes('web-download')) console.log('upload the data instead of importing it from a URL');
   * ```
   */
  async getImportMethods(opts: RequestOptions = {}): Promise<string[]> {
    const doc = await this.client.decode('GET', '/info/import', {}, opts);
    const v = (doc.key('import-methods', 'object') as { value?: unknown }).value;
    if (!Array.isArray(v)) throw doc.fail('wrong-type', '"import-methods.value" is not a list');
    return v.map(String);
  }

  /**
   * Start an interoperable import (`POST /v2/images/{id}/import`): `glance-direct` after
   * {@link ImageV2.stageImage}, `web-download` from a URI, `copy-image` to more stores. Glance works
   * asynchronously; follow with {@link waitForImageImport}.
   *
   * @example
   * ```ts
   * const image = await conn.image.createImage({ name: 'fedora', diskFormat: 'qcow2', containerFormat: 'bare' });
   * await conn.image.importImage(image, { name: 'web-download', uri: 'https://example.com/fedora.qcow2' });
   * await conn.image.waitForImageImport(image, { timeoutMs: 900_000 });
   * ```
   */
  async importImage(image: ImageRef, method: ImportMethod, opts: ImportOptions = {}): Promise<void> {
    const { stores, allStores, allStoresMustSucceed } = opts;
    checkImportMethod(method);
    const parts = toRequest(
      ImageImport,
      { method, stores, allStores, allStoresMustSucceed },
      'create',
      this.client,
    );
    const res = await this.client.request(
      'POST',
      `/images/${idSegment('image', image)}/import`,
      { json: parts.body },
      opts,
    );
    await res.body.dump();
  }

  /**
   * Wait until an import has finished: the image is `active` and no store is still importing.
   * Fails with ResourceFailureError when glance records a failed store
   * (`os_glance_failed_import`) or the image is killed, or when it falls back to `queued`.
   */
  async waitForImageImport(image: ImageRef, opts: WaitOptions = {}): Promise<ImageResource> {
    const id = requireId('image', image);
    // timeoutMs bounds the whole wait; each poll gets the rest (the signal)
    const { timeoutMs: _whole, intervalMs: _i, onPoll: _p, ...poll } = opts;
    const interval = opts.intervalMs ?? 2000;
    const timeout = opts.timeoutMs ?? 600_000;
    const start = Date.now();
    let sawImporting = false;
    for (;;) {
      const img = await fetchResource(this.client, Image, id, poll);
      const status = img.status;
      const importing = String(img.extra.os_glance_importing_to_stores ?? '');
      const failed = String(img.extra.os_glance_failed_import ?? '');
      opts.onPoll?.(status, Date.now() - start);
      if (failed) {
        throw new ResourceFailureError(
          `import of image ${img.id} failed for store(s) ${failed}`,
          status ?? '',
          failed,
        );
      }
      if (status === 'killed')
        throw new ResourceFailureError(`image ${img.id} was killed during import`, status);
      if (status === 'importing') sawImporting = true;
      if (status === 'active' && !importing) return img;
      if (status === 'queued' && sawImporting) {
        throw new ResourceFailureError(
          `import of image ${img.id} failed: the image went back to queued`,
          status,
        );
      }
      if (Date.now() - start + interval > timeout) {
        throw new TimeoutError(
          `image ${img.id} still ${status} after ${Math.round((Date.now() - start) / 1000)} s of import`,
        );
      }
      await sleep(interval, opts.signal);
    }
  }

  /**
   * Tasks of an image's imports (`GET /v2/images/{id}/tasks`), newest first.
   *
   * @example
   * ```ts
   * // why did an import fail?
   * const image = await conn.image.findImage('fedora');
   * for (const t of await conn.image.listImageTasks(image)) console.log(t.status, t.message);
   * ```
   */
  async listImageTasks(image: ImageRef, opts: RequestOptions = {}): Promise<TaskResource[]> {
    const doc = await this.client.decode('GET', `/images/${idSegment('image', image)}/tasks`, {}, opts);
    const rows = doc.rows('tasks');
    return rows.map((t) => instantiate(Task, this.client, t));
  }
}
