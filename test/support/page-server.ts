/**
 * A static page server on 127.0.0.1:<port> for the browser test: the dev cloud allows CORS from
 * exactly one origin, http://127.0.0.1:8799 (tools/devcloud/lib/cors.sh), so the page must be
 * served from there. Only the given paths exist; everything else is a 404.
 */
import { createServer, type Server } from 'node:http';

/** The origin the dev cloud allows (keep in step with CORS_ORIGIN in tools/devcloud/lib/common.sh). */
export const PAGE_ORIGIN = process.env.OSSDK_PAGE_ORIGIN ?? 'http://127.0.0.1:8799';

/** A file the server answers with. */
export interface PageFile {
  type: string;
  body: string;
}

/** A running page server. */
export interface PageServer {
  /** The origin it serves, e.g. http://127.0.0.1:8799. */
  origin: string;
  close(): Promise<void>;
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * Serve `files` (path → content) at `origin`. When the port is taken (another run of the browser
 * test), wait for it up to `waitMs`, then fail naming the port.
 */
export async function servePage(
  files: Record<string, PageFile>,
  origin = PAGE_ORIGIN,
  waitMs = 120_000,
): Promise<PageServer> {
  const url = new URL(origin);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', origin).pathname;
    const f = files[path];
    if (!f || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': f.type, 'cache-control': 'no-store' }).end(f.body);
  });
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      await listen(server, url.hostname, Number(url.port));
      break;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EADDRINUSE' || Date.now() > deadline) {
        throw new Error(
          `cannot serve the test page on ${origin} (${code ?? (e as Error).message}): the dev cloud's CORS ` +
            'allows only this origin; is another browser test running?',
        );
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  return {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
