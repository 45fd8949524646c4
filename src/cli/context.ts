/**
 * What every command gets: the connection (built lazily from --os-cloud / OS_* exactly as
 * the SDK does), the output options, and stdout/stderr. The SDK and the formatters are
 * loaded on first use, so commands that fail early (usage errors, help) stay fast.
 */
import type { Command } from 'commander';
import type { Connection } from '../connection.js';
import type { OutputFormat, OutputOptions, Row } from './output.js';

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

/** What every command gets; see the module comment. */
export class CliContext {
  private conn?: Connection;
  constructor(
    readonly opts: GlobalOptions,
    readonly out: NodeJS.WritableStream = process.stdout,
    readonly err: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr,
  ) {}

  static from(cmd: Command): CliContext {
    return new CliContext(cmd.optsWithGlobals() as GlobalOptions);
  }

  /** The connection, from --os-cloud (else OS_CLOUD / OS_*), with CLI overrides on top. */
  async connection(): Promise<Connection> {
    if (!this.conn) {
      const { Connection } = await import('../connection.js');
      const config: Record<string, unknown> = {};
      if (this.opts.osRegionName) config.region_name = this.opts.osRegionName;
      if (this.opts.osInterface) config.interface = this.opts.osInterface;
      if (this.opts.osComputeApiVersion) config.compute_api_version = this.opts.osComputeApiVersion;
      if (this.opts.osVolumeApiVersion) config.volume_api_version = this.opts.osVolumeApiVersion;
      this.conn = new Connection({
        cloud: this.opts.osCloud,
        config,
        timeoutMs: await timeoutMsOf(this.opts.timeout),
        tokenCache: this.opts.tokenCache,
      });
    }
    return this.conn;
  }

  get output(): OutputOptions {
    return { format: this.opts.format ?? 'table', columns: this.opts.column };
  }

  /** Print rows; `defaults` are the columns shown without `-c`. */
  async printList(rows: Row[], defaults: string[]): Promise<void> {
    const { formatList } = await import('./output.js');
    const text = formatList(rows, defaults, this.output);
    this.out.write(text ? `${text}\n` : '');
  }

  /** Print one object as Field/Value pairs. */
  async printOne(obj: Row): Promise<void> {
    const { formatOne } = await import('./output.js');
    this.out.write(`${formatOne(obj, this.output)}\n`);
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
    await this.conn?.close();
  }
}
