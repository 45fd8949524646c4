/**
 * What every command gets: the connection (built lazily from --os-cloud / OS_* exactly as
 * the SDK does, with only the service proxies the command asks for), the output options, and
 * stdout/stderr. The SDK and the formatters are
 * loaded on first use, so commands that fail early (usage errors, help) stay fast.
 */
import type { Command } from 'commander';
import type { Connection } from '../connection.js';
import type { ConnectionCore, ConnectionOptions } from '../connection-core.js';
import type { ServiceName } from '../services/service-table.js';
import type { OutputFormat, OutputOptions, Row } from './output.js';
import type { CliConnection } from './services.js';

export interface GlobalOptions {
  osCloud?: string;
  osRegionName?: string;
  osInterface?: string;
  osComputeApiVersion?: string;
  osVolumeApiVersion?: string;
  format: OutputFormat;
  column?: string[];
  debug?: boolean;
  timeout?: string;
  /** --token-cache / --no-token-cache; undefined leaves clouds.yaml's `cache: { auth }` in charge. */
  tokenCache?: boolean;
}

/** `--timeout` in seconds → ms; anything but a positive number is a usage error (exit 2). */
async function timeoutMsOf(timeout: string | undefined): Promise<number | undefined> {
  if (timeout === undefined || timeout === '') return undefined;
  const n = Number(timeout);
  if (Number.isFinite(n) && n > 0) return n * 1000;
  const { ConfigError } = await import('../errors/errors.js');
  throw new ConfigError(
    `--timeout must be a positive number of seconds, got ${JSON.stringify(timeout.slice(0, 20))}`,
    {
      field: '--timeout',
      fix: 'pass --timeout with a number of seconds, e.g. --timeout 30',
    },
  );
}

/**
 * The transport the CLI sends with: Node's own `node:http` unless `OSTACK_TRANSPORT` names
 * another. A command sends a few requests and exits, so loading undici's agent (and its HTTP/2
 * and TLS modules) cost more than it saves; a long-lived program keeps the library's default.
 */
async function transportOf(env: NodeJS.ProcessEnv): Promise<'node' | 'undici' | 'fetch'> {
  const v = env.OSTACK_TRANSPORT;
  if (v === undefined || v === '') return 'node';
  if (v === 'node' || v === 'undici' || v === 'fetch') return v;
  const { ConfigError } = await import('../errors/errors.js');
  throw new ConfigError(
    `OSTACK_TRANSPORT must be node, undici or fetch, got ${JSON.stringify(v.slice(0, 20))}`,
    {
      field: 'OSTACK_TRANSPORT',
      fix: 'unset OSTACK_TRANSPORT (the CLI then uses node:http), or set it to node, undici or fetch',
    },
  );
}

/** What every command gets; see the module comment. */
export class CliContext {
  private core?: ConnectionCore;
  /** The core with the getters of the proxies loaded so far (one object, so getters stay cached). */
  private view?: Record<string, unknown>;
  private full?: Connection;
  constructor(
    readonly opts: GlobalOptions,
    readonly out: NodeJS.WritableStream = process.stdout,
    readonly err: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr,
  ) {}

  static from(cmd: Command): CliContext {
    return new CliContext(cmd.optsWithGlobals() as GlobalOptions);
  }

  /** The connection options of --os-cloud (else OS_CLOUD / OS_*), with CLI overrides on top. */
  private async connectionOptions(): Promise<ConnectionOptions> {
    const config: Record<string, unknown> = {};
    if (this.opts.osRegionName) config.region_name = this.opts.osRegionName;
    if (this.opts.osInterface) config.interface = this.opts.osInterface;
    if (this.opts.osComputeApiVersion) config.compute_api_version = this.opts.osComputeApiVersion;
    if (this.opts.osVolumeApiVersion) config.volume_api_version = this.opts.osVolumeApiVersion;
    return {
      cloud: this.opts.osCloud,
      config,
      timeoutMs: await timeoutMsOf(this.opts.timeout),
      tokenCache: this.opts.tokenCache,
      transport: await transportOf(process.env),
    };
  }

  /**
   * The connection with the proxies of the named services only (`await ctx.connection('compute')`
   * gives `conn.compute`), each loaded on demand: a command loads the one or two services it uses.
   * Built exactly as a `Connection` (same options, same construction errors).
   */
  async connection<K extends ServiceName = never>(...services: K[]): Promise<CliConnection<K>> {
    if (!this.core || !this.view) {
      const { ConnectionCore } = await import('../connection-core.js');
      this.core = new ConnectionCore(await this.connectionOptions());
      this.view = Object.create(this.core) as Record<string, unknown>;
    }
    const missing = services.filter((s) => !(s in this.view!));
    if (missing.length > 0) {
      const { loadProxy } = await import('./services.js');
      for (const name of missing) this.view[name] = await loadProxy(this.core, name);
    }
    return this.view as unknown as CliConnection<K>;
  }

  /**
   * A whole `Connection` (every service, the cloud layer) for the commands that run a cloud-layer
   * task; it loads every service, so use {@link connection} wherever a few proxies do.
   */
  async fullConnection(): Promise<Connection> {
    if (!this.full) {
      const { Connection } = await import('../connection.js');
      this.full = new Connection(await this.connectionOptions());
    }
    return this.full;
  }

  get output(): OutputOptions {
    return { format: this.opts.format ?? 'table', columns: this.opts.column };
  }

  /** Print rows; `defaults` are the columns shown without `-c`. */
  async printList(rows: Row[], defaults: string[]): Promise<void> {
    const { formatList } = await import('./output.js');
    const text = await formatList(rows, defaults, this.output);
    this.out.write(text ? `${text}\n` : '');
  }

  /** Print one object as Field/Value pairs. */
  async printOne(obj: Row): Promise<void> {
    const { formatOne } = await import('./output.js');
    this.out.write(`${await formatOne(obj, this.output)}\n`);
  }

  /** A line on stderr (notes, warnings). */
  note(line: string): void {
    this.err.write(`${line}\n`);
  }

  /** True when progress bars may be drawn (stderr is a terminal). */
  get interactive(): boolean {
    return !!this.err.isTTY && !process.env.OSTACK_NO_PROGRESS;
  }

  async close(): Promise<void> {
    await this.core?.close();
    await this.full?.close();
  }
}
