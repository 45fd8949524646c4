/** `ostack console ...` implementations. */
import { ValidationError } from '../../errors/errors.js';
import type { CliContext } from '../context.js';

export async function showLog(ctx: CliContext, server: string, o: { lines?: string }): Promise<void> {
  let length: number | undefined;
  if (o.lines !== undefined) {
    length = Number(o.lines);
    if (!Number.isInteger(length) || length < 1)
      throw new ValidationError(`must be a whole number of lines above 0, got "${o.lines}"`, {
        field: '--lines',
        fix: '--lines 50',
      });
  }
  const conn = await ctx.connection('compute');
  const s = await conn.compute.findServer(server);
  const text = await conn.compute.getServerConsoleOutput(s.id, length === undefined ? {} : { length });
  // the log as the guest printed it, like openstackclient: no table, no -f
  ctx.out.write(text.endsWith('\n') || text === '' ? text : `${text}\n`);
}
