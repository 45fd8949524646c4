/**
 * Temporary URLs: give someone a link to one object that works without a token and stops
 * working at a set time. Sets a container temp URL key, signs a GET URL valid for 60 s,
 * fetches it with plain fetch() (no SDK, no token), shows that a tampered signature is
 * refused, then removes the container.
 *
 * Run: node --import tsx examples/temp-url.ts [cloud]
 *
 * The key and the URL's signature are secrets: this program never prints them.
 */
import { randomBytes } from 'node:crypto';
import { Connection, redactUrl } from '../src/index.js';

export async function tempUrl(conn: Connection, log: (s: string) => void): Promise<void> {
  const os = conn.objectStore;
  const container = `example-tempurl-${Date.now().toString(36)}`;
  try {
    await os.createContainer(container);
    await os.createObject({ container, name: 'report.txt', data: 'shared for a minute\n' });
    // A container key (not the account key) limits what a leaked key can sign to this container.
    await os.setContainerTempUrlKey(container, randomBytes(24).toString('hex'));
    log(`container ${container} with object report.txt and a temp URL key`);

    const url = await os.generateTempUrl({ container, name: 'report.txt', method: 'GET', expiresIn: 60 });
    log(`temp URL (signature hidden here): ${redactUrl(url)}`);
    const res = await fetch(url);
    const body = await res.text();
    if (res.status !== 200 || body !== 'shared for a minute\n') {
      throw new Error(`the temp URL answered ${res.status}: ${body.slice(0, 200)}`);
    }
    log(`plain fetch() without a token: ${res.status}, "${body.trim()}"`);

    const forged = new URL(url);
    const sig = forged.searchParams.get('temp_url_sig') ?? '';
    forged.searchParams.set('temp_url_sig', `${sig.startsWith('0') ? '1' : '0'}${sig.slice(1)}`);
    const refused = await fetch(forged);
    await refused.arrayBuffer();
    if (refused.status !== 401) throw new Error(`a tampered signature answered ${refused.status}, not 401`);
    log(`the same URL with one character of the signature changed: ${refused.status}`);
  } finally {
    await os.deleteContainer(container, { empty: true, ignoreMissing: true });
    log(`deleted container ${container} (its key went with it)`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const conn = Connection.fromCloud(process.argv[2] ?? process.env.OS_CLOUD ?? 'devcloud-demo');
  try {
    await tempUrl(conn, console.log);
  } finally {
    await conn.close();
  }
}
