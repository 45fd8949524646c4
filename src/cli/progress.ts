/**
 * Progress bars on stderr (cli-progress), drawn only when stderr is a terminal so pipes and
 * tests see clean output. `OSTACK_NO_PROGRESS=1` turns them off.
 */
import type { CliContext } from './context.js';

/** A progress bar, or a no-op when stderr is not a terminal. */
export interface Bar {
  /** Set the value (and the text fields of the format). */
  update(value: number, payload?: Record<string, unknown>): void;
  /** Add to the value. */
  increment(delta: number): void;
  /** Change the total (e.g. once known). */
  setTotal(total: number): void;
  stop(): void;
}

const noop: Bar = { update() {}, increment() {}, setTotal() {}, stop() {} };

function human(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(i ? 1 : 0)} ${units[i]}`;
}

/** A byte-transfer bar: `label [████░░] 42% | 1.2 MiB/3.0 MiB`. */
export async function bytesBar(ctx: CliContext, label: string, total: number): Promise<Bar> {
  if (!ctx.interactive) return noop;
  const { SingleBar, Presets } = (await import('cli-progress')).default;
  const bar = new SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {done}/{size} | {eta_formatted}`,
      stream: ctx.err as NodeJS.WritableStream as NodeJS.WriteStream,
      hideCursor: true,
      formatValue: (v, _o, type) => (type === 'value' || type === 'total' ? human(v) : String(v)),
    },
    Presets.shades_classic,
  );
  let value = 0;
  bar.start(Math.max(total, 1), 0, { done: human(0), size: human(total) });
  return {
    update: (v, p) => {
      value = v;
      bar.update(v, { done: human(v), ...p });
    },
    increment: (d) => {
      value += d;
      bar.update(value, { done: human(value) });
    },
    setTotal: (t) => {
      bar.setTotal(t);
      bar.update(value, { size: human(t) });
    },
    stop: () => bar.stop(),
  };
}

/** A bar for waits: `label [████░░] 60% | BUILD/spawning | 12s`. */
export async function waitBar(ctx: CliContext, label: string): Promise<Bar> {
  if (!ctx.interactive) return noop;
  const { SingleBar, Presets } = (await import('cli-progress')).default;
  const bar = new SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {status} | {duration}s`,
      stream: ctx.err as NodeJS.WritableStream as NodeJS.WriteStream,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  bar.start(100, 0, { status: '' });
  let value = 0;
  return {
    update: (v, p) => {
      value = v;
      bar.update(v, p);
    },
    increment: (d) => {
      value += d;
      bar.update(value);
    },
    setTotal: (t) => bar.setTotal(t),
    stop: () => bar.stop(),
  };
}
