/**
 * Command actions that load their implementation on use: `ostack flavor list` imports only
 * `commands/flavor.js` (and the SDK it needs), not every command group.
 */
import type { Command } from 'commander';
import { CliContext } from './context.js';

/** A command implementation: the context, then the positional arguments, then the options. */
export type CommandFn = (ctx: CliContext, ...args: any[]) => Promise<void>;

/** Builds a commander action from a module loader and the name of the function to call. */
export type Lazy = <M>(load: () => Promise<M>, name: keyof M & string) => (...args: any[]) => Promise<void>;

/** The {@link Lazy} used by `ostack`: sets up the context, runs, and always closes the connection. */
export const lazy: Lazy =
  (load, name) =>
  async (...args: unknown[]) => {
    const cmd = args[args.length - 1] as Command;
    if (cmd.optsWithGlobals().debug) process.env.OSSDK_DEBUG = '1';
    const ctx = CliContext.from(cmd);
    try {
      const mod = (await load()) as Record<string, CommandFn>;
      const fn = mod[name];
      if (typeof fn !== 'function') throw new Error(`internal: ${String(name)} is not a command function`);
      await fn(ctx, ...args.slice(0, -1));
    } finally {
      await ctx.close();
    }
  };

/** Collect a repeatable option into an array. */
export function collect(v: string, prev: string[] = []): string[] {
  return [...prev, v];
}
