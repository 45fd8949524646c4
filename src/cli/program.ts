/**
 * The `ostack` command tree. Global options mirror openstackclient's (`--os-cloud`,
 * `--os-region-name`, `-f`, `-c`); credentials come from clouds.yaml / OS_* exactly as in the SDK.
 */
import { Command, Option } from 'commander';
import { ConfigError, HttpError, OpenStackError, ValidationError } from '../errors/errors.js';
import { registerCatalog } from './commands/catalog.js';
import { registerToken } from './commands/token.js';
import { CliContext } from './context.js';
import { OUTPUT_FORMATS } from './output.js';

/** Exit codes: 0 ok, 1 API/other error, 2 usage or configuration error, 130 interrupted. */
export const EXIT = { ok: 0, error: 1, usage: 2, interrupted: 130 } as const;

export function exitCodeFor(e: unknown): number {
  if (e instanceof ConfigError || e instanceof ValidationError) return EXIT.usage;
  return EXIT.error;
}

export function describeError(e: unknown): string {
  if (e instanceof HttpError) return `Error: ${e.message}`;
  if (e instanceof OpenStackError) return `Error: ${e.message}`;
  return `Error: ${(e as Error)?.message ?? String(e)}`;
}

export function buildProgram(): Command {
  const program = new Command('ostack')
    .description('OpenStack command-line client built on openstack-sdk')
    .option('--os-cloud <name>', 'cloud name in clouds.yaml (default: OS_CLOUD)', process.env.OS_CLOUD)
    .option('--os-region-name <region>', 'region (default: from the cloud config)')
    .option('--os-interface <interface>', 'endpoint interface: public, internal or admin')
    .option('--os-compute-api-version <version>', 'compute microversion to pin')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices([...OUTPUT_FORMATS]).default('table'),
    )
    .option('-c, --column <name>', 'column to show (repeat for more)', (v: string, prev: string[] = []) => [
      ...prev,
      v,
    ])
    .option('--timeout <seconds>', 'per-request timeout in seconds')
    .option('--debug', 'log HTTP requests (secrets redacted) to stderr')
    .showHelpAfterError()
    .exitOverride();

  const run =
    (fn: (ctx: CliContext, ...args: any[]) => Promise<void>) =>
    async (...args: unknown[]) => {
      const cmd = args[args.length - 1] as Command;
      if (cmd.optsWithGlobals().debug) process.env.OSSDK_DEBUG = '1';
      const ctx = CliContext.from(cmd);
      try {
        await fn(ctx, ...args.slice(0, -2));
      } finally {
        await ctx.close();
      }
    };

  registerToken(program, run);
  registerCatalog(program, run);
  return program;
}
