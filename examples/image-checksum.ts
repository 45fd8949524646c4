/**
 * Upload an image with checksums: create an image record, upload bytes (the SDK computes MD5
 * and SHA-512 while streaming and compares them with the `checksum` and `os_hash_value`
 * glance recorded), check them against digests computed here, download it again with
 * verification, compare the bytes, then delete the image.
 *
 * Run: node --import tsx examples/image-checksum.ts [cloud]
 */
import { createHash, randomBytes } from 'node:crypto';
import { Connection } from '../src/index.js';

export async function imageChecksum(conn: Connection, log: (s: string) => void): Promise<void> {
  const data = randomBytes(256 * 1024 + 3);
  const md5 = createHash('md5').update(data).digest('hex');
  const sha512 = createHash('sha512').update(data).digest('hex');
  const image = await conn.image.createImage({
    name: `example-image-${Date.now().toString(36)}`,
    diskFormat: 'raw',
    containerFormat: 'bare',
    visibility: 'private',
  });
  try {
    log(`created image ${image.name} (${image.id}), status ${image.status}`);
    const up = await conn.image.uploadImage(image, data);
    log(`uploaded ${up.size} bytes; glance agrees on size/checksum/hash: ${JSON.stringify(up.verified)}`);
    const stored = up.image;
    if (stored.checksum !== md5) throw new Error(`checksum ${stored.checksum} is not the local MD5 ${md5}`);
    if (stored.hashAlgo === 'sha512' && stored.hashValue !== sha512) {
      throw new Error(`os_hash_value ${stored.hashValue} is not the local SHA-512`);
    }
    log(
      `status ${stored.status}, checksum (MD5) ${stored.checksum}, os_hash_algo ${stored.hashAlgo}, os_hash_value ${stored.hashValue?.slice(0, 16)}...`,
    );

    // The download stream errors with ChecksumMismatchError instead of ending if the data is wrong.
    const dl = await conn.image.downloadImage(image);
    const chunks: Buffer[] = [];
    for await (const c of dl.stream) chunks.push(c as Buffer);
    const back = Buffer.concat(chunks);
    if (!back.equals(data)) throw new Error('downloaded bytes differ from the uploaded ones');
    log(`downloaded ${back.length} bytes, verified by the SDK (MD5 ${dl.digest()?.checksum}) and identical`);
  } finally {
    await conn.image.deleteImage(image.id, { ignoreMissing: true });
    log(`deleted image ${image.name}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const conn = Connection.fromCloud(process.argv[2] ?? process.env.OS_CLOUD ?? 'devcloud-demo');
  try {
    await imageChecksum(conn, console.log);
  } finally {
    await conn.close();
  }
}
