/**
 * The image proxy's data section: upload, stage, download and verify image data, with
 * digests computed while the data streams (see `data.ts`).
 */
import type { Readable } from 'node:stream';
import { randomHex } from '../../platform/crypto.js';
import { requireNodeModule } from '../../platform/node.js';
import { asReadable } from '../../platform/streams.js';
import { fetchResource, idSegment, type RequestOptions, requireId } from '../../resource/index.js';
import type { ServiceClient } from '../../session/service-client.js';
import { ServiceProxy } from '../service-proxy.js';
import {
  DigestAccumulator,
  type ExpectedDigest,
  hashing,
  type ImageData,
  type ImageDigest,
  NoImageDataError,
  openData,
  verifyDigest,
  verifyingDownload,
} from './data.js';
import { Image, type ImageRef, type ImageResource } from './image.js';

/** Options of {@link ImageV2.uploadImage} and {@link ImageV2.stageImage}. */
export interface UploadOptions extends RequestOptions {
  /**
   * Multihash to compute while streaming, compared with the image's `os_hash_value` when the
   * cloud uses the same `os_hash_algo` (default `sha512`, glance's default). MD5 is always computed.
   */
  hashAlgo?: string;
  /** Check size, `checksum` and `os_hash_value` after the upload (default true). */
  verify?: boolean;
  /** Target store of a multi-store cloud (`X-Image-Meta-Store`). */
  store?: string;
  /** Called with the number of bytes sent so far. */
  onProgress?: (bytes: number) => void;
}

/** What an upload sent, and the image after it. */
export interface UploadResult extends ImageDigest {
  /** The image after the upload, as glance now reports it. */
  image: ImageResource;
  /** Which of the image's values matched what was sent. */
  verified: { size: boolean; checksum: boolean; hash: boolean };
}

/** Options of {@link ImageV2.downloadImage}. */
export interface DownloadOptions extends RequestOptions {
  /** Verify size, MD5 and the multihash at the end of the stream (default true). */
  verify?: boolean;
}

/** A download in progress. */
export interface ImageDownload {
  /**
   * The image data. When verification is on, the stream errors with a ChecksumMismatchError
   * instead of ending if the data does not match the image's checksum/hash. A Node Readable
   * where Node's streams exist; in a browser or worker an async iterable of Uint8Array chunks.
   */
  stream: Readable;
  /** The image as fetched before the download (when verifying). */
  image?: ImageResource;
  /** Content-Length announced by glance. */
  contentLength?: number;
  /** Digests of what was received, once the stream has ended. */
  digest(): ImageDigest | undefined;
}

/** PUT the data to `/images/{id}/file` or `/stage`, hashing it on the way. */
async function sendData(
  client: ServiceClient,
  method: 'file' | 'stage',
  image: ImageRef,
  data: ImageData,
  opts: UploadOptions,
): Promise<ImageDigest> {
  const acc = new DigestAccumulator(opts.hashAlgo ?? 'sha512');
  const { chunks, length } = await openData(data);
  const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
  if (length !== undefined) headers['content-length'] = String(length);
  if (opts.store) headers['x-image-meta-store'] = opts.store;
  const res = await client.request(
    'PUT',
    `/images/${idSegment('image', image)}/${method}`,
    { body: hashing(chunks, acc, opts.onProgress), headers, logBody: false },
    opts,
  );
  await res.body.dump();
  return acc.digest();
}

function expectedOf(img: ImageResource): ExpectedDigest {
  return { size: img.size, checksum: img.checksum, hashAlgo: img.hashAlgo, hashValue: img.hashValue };
}

/** Image data: upload, stage, download, verify (a section of `ImageV2`, `conn.image`). */
export abstract class ImageTransferSection extends ServiceProxy {
  /**
   * Upload the image data (`PUT /v2/images/{id}/file`), streamed from a file path, bytes, a
   * Readable or an async iterable; MD5 and `hashAlgo` are computed on the way and, unless
   * `verify: false`, compared with the size, `checksum` and `os_hash_value` glance recorded
   * (ChecksumMismatchError when they differ). The image must be `queued`.
   */
  async uploadImage(image: ImageRef, data: ImageData, opts: UploadOptions = {}): Promise<UploadResult> {
    const sent = await sendData(this.client, 'file', image, data, opts);
    const fresh = await fetchResource(this.client, Image, image, opts);
    const verified =
      opts.verify === false
        ? { size: false, checksum: false, hash: false }
        : verifyDigest(sent, expectedOf(fresh), `upload of image ${fresh.id}`);
    return { ...sent, image: fresh, verified };
  }

  /**
   * Stage data for the `glance-direct` import method (`PUT /v2/images/{id}/stage`); follow
   * with {@link ImageV2.importImage}. Returns the digests of what was sent, to compare with the
   * image once imported ({@link verifyImage}).
   *
   * @example
   * ```ts
   * import { createReadStream } from 'node:fs';
   *
   * // glance-direct: stage the data, import it, then check that what arrived is what was sent
   * const image = await conn.image.createImage({ name: 'base', diskFormat: 'raw', containerFormat: 'bare' });
   * const sent = await conn.image.stageImage(image, createReadStream('base.raw'));
   * await conn.image.importImage(image, { name: 'glance-direct' });
   * await conn.image.waitForImageImport(image);
   * console.log(await conn.image.verifyImage(image, sent)); // { size: true, checksum: true, hash: true }
   * ```
   */
  stageImage(image: ImageRef, data: ImageData, opts: UploadOptions = {}): Promise<ImageDigest> {
    return sendData(this.client, 'stage', image, data, opts);
  }

  /**
   * Download the image data (`GET /v2/images/{id}/file`) as a stream. With verification (the
   * default) the image is fetched first and the stream errors with ChecksumMismatchError at
   * the end when size, MD5 or `os_hash_value` differ. Throws NoImageDataError for an image
   * without data.
   *
   * @example
   * ```ts
   * import { createHash } from 'node:crypto';
   *
   * // stream the data without storing it; the stream errors if it does not match glance's checksum
   * const { stream } = await conn.image.downloadImage(await conn.image.findImage('cirros'));
   * const sha = createHash('sha256');
   * for await (const chunk of stream) sha.update(chunk as Buffer);
   * console.log(sha.digest('hex'));
   * ```
   */
  async downloadImage(image: ImageRef, opts: DownloadOptions = {}): Promise<ImageDownload> {
    const id = requireId('image', image);
    const meta = opts.verify !== false ? await fetchResource(this.client, Image, id, opts) : undefined;
    const res = await this.client.request(
      'GET',
      `/images/${idSegment('image', id)}/file`,
      { headers: { accept: 'application/octet-stream' } },
      opts,
    );
    if (res.status === 204) {
      await res.body.dump();
      throw new NoImageDataError(`image ${id} has no data`);
    }
    const want: ExpectedDigest | undefined = meta ? expectedOf(meta) : undefined;
    if (want && !want.checksum && res.headers['content-md5']) want.checksum = res.headers['content-md5'];
    const v = verifyingDownload(res.body as AsyncIterable<Uint8Array>, want, `download of image ${id}`);
    const len = res.headers['content-length'];
    return {
      stream: asReadable(v.chunks),
      image: meta,
      contentLength: len === undefined ? undefined : Number(len),
      digest: v.digest,
    };
  }

  /**
   * Download the image data to a file (written to a temporary name, renamed when complete and
   * verified; removed on any failure). Resolves with the digests of what was written.
   *
   * @example
   * ```ts
   * const image = await conn.image.findImage('cirros');
   * const digest = await conn.image.downloadImageToFile(image, '/tmp/cirros.img');
   * console.log(digest);
   * ```
   */
  async downloadImageToFile(image: ImageRef, path: string, opts: DownloadOptions = {}): Promise<ImageDigest> {
    const fix = 'use downloadImage() and consume its stream';
    const fs = requireNodeModule('node:fs', `writing the file ${path}`, fix);
    const { pipeline } = requireNodeModule('node:stream/promises', `writing the file ${path}`, fix);
    const dl = await this.downloadImage(image, opts);
    const { signal } = opts;
    const tmp = `${path}.${randomHex(4)}.part`;
    try {
      await pipeline(dl.stream, fs.createWriteStream(tmp, { flags: 'wx' }), { signal });
      await fs.promises.rename(tmp, path);
    } catch (e) {
      await fs.promises.unlink(tmp).catch(() => {});
      throw e;
    }
    return dl.digest()!;
  }

  /**
   * Compare digests (from {@link stageImage}, or computed elsewhere) with an image's size,
   * `checksum` and `os_hash_value`; throws ChecksumMismatchError on a difference.
   */
  async verifyImage(
    image: ImageRef,
    digest: ImageDigest,
    opts: RequestOptions = {},
  ): Promise<{ size: boolean; checksum: boolean; hash: boolean }> {
    const fresh = await fetchResource(this.client, Image, image, opts);
    return verifyDigest(digest, expectedOf(fresh), `image ${fresh.id}`);
  }
}
