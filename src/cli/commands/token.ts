/** `ostack token issue|revoke`. */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function registerToken(
  program: Command,
  run: (fn: (ctx: CliContext) => Promise<void>) => (...a: unknown[]) => Promise<void>,
): void {
  const token = program.command('token').description('Identity tokens');
  token
    .command('issue')
    .description('Issue a token (prints it: handle the output as a secret)')
    .action(
      run(async (ctx) => {
        const a = await ctx.connection().authorize();
        ctx.printOne({
          expires: a.expiresAt?.toISOString(),
          id: a.token,
          project_id: a.projectId,
          user_id: a.userId,
        });
      }),
    );
}
