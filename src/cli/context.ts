/**
 * What every command gets: the connection (built lazily from --os-cloud / OS_* exactly as
 * the SDK does), the output options, and stdout/stderr.
 */
import type { Command } from 'commander';
import { Connection } from '../connection.js';
import { formatList, formatOne, type OutputFormat, type OutputOptions, type Row } from './output.js';

export interface GlobalOptions {
  osCloud?: string;
  osRegionName?: string;
  osInterface?: string;
  osComputeApiVersion?: string;
  format: OutputFormat;
  column?: string[];
  debug?: boolean;
  timeout?: string;
}

export class CliContext {
  private conn?: Connection;
  constructor(
    readonly opts: GlobalOptions,
    readonly out: NodeJS.WritableStream = process.stdout,
    readonly err: NodeJS.WritableStream = process.stderr,
  ) {}

  static from(cmd: Command): CliContext {
    return new CliContext(cmd.optsWithGlobals() as GlobalOptions);
  }

  /** The connection, from --os-cloud (else OS_CLOUD / OS_*), with CLI overrides on top. */
  connection(): Connection {
    if (!this.conn) {
      const config: Record<string, unknown> = {};
      if (this.opts.osRegionName) config.region_name = this.opts.osRegionName;
      if (this.opts.osInterface) config.interface = this.opts.osInterface;
      if (this.opts.osComputeApiVersion) config.compute_api_version = this.opts.osComputeApiVersion;
      this.conn = new Connection({
        cloud: this.opts.osCloud,
        config,
        timeoutMs: this.opts.timeout ? Number(this.opts.timeout) * 1000 : undefined,
      });
    }
    return this.conn;
  }

  get output(): OutputOptions {
    return { format: this.opts.format ?? 'table', columns: this.opts.column };
  }

  printList(rows: Row[], defaults: string[]): void {
    this.out.write(`${formatList(rows, defaults, this.output)}\n`);
  }

  printOne(obj: Row): void {
    this.out.write(`${formatOne(obj, this.output)}\n`);
  }

  async close(): Promise<void> {
    await this.conn?.close();
  }
}
