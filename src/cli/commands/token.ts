/** `ostack token issue`. */
import type { CliContext } from '../context.js';

export async function issue(ctx: CliContext): Promise<void> {
  const a = await (await ctx.connection()).authorize();
  await ctx.printOne({
    expires: a.expiresAt?.toISOString(),
    id: a.token,
    project_id: a.projectId,
    user_id: a.userId,
  });
}
