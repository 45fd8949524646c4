/**
 * Functional tests run against a real cloud: the dev cloud by default (tools/test.sh sets
 * OS_CLIENT_CONFIG_FILE), admin cloud $OSSDK_TEST_CLOUD and member cloud $OSSDK_TEST_DEMO_CLOUD.
 * Names carry a per-run prefix so runs never collide and cleanup can find leftovers.
 */
import { randomBytes } from 'node:crypto';
import { after, describe } from 'node:test';
import { Connection, type ConnectionOptions } from '../../src/index.js';

export const ADMIN_CLOUD = process.env.OSSDK_TEST_CLOUD ?? 'devcloud';
export const DEMO_CLOUD = process.env.OSSDK_TEST_DEMO_CLOUD ?? 'devcloud-demo';
if (!process.env.OS_CLIENT_CONFIG_FILE) process.env.OS_CLIENT_CONFIG_FILE = '/tmp/devcloud/clouds.yaml';

/** Prefix of every resource a test run creates. */
export const RUN_PREFIX = `ossdk-test-${randomBytes(3).toString('hex')}`;

/** A unique name for a test resource. */
export function uniqueName(what: string): string {
  return `${RUN_PREFIX}-${what}-${randomBytes(2).toString('hex')}`;
}

export function adminConnection(opts: Omit<ConnectionOptions, 'cloud'> = {}): Connection {
  return Connection.fromCloud(ADMIN_CLOUD, opts);
}

export function demoConnection(opts: Omit<ConnectionOptions, 'cloud'> = {}): Connection {
  return Connection.fromCloud(DEMO_CLOUD, opts);
}

/**
 * Collects cleanup steps; run them in reverse order in an `after` hook. A failing step does
 * not stop the others, and the errors are reported together.
 */
export class Cleanup {
  private steps: { what: string; fn: () => Promise<unknown> }[] = [];
  add(what: string, fn: () => Promise<unknown>): void {
    this.steps.push({ what, fn });
  }
  async run(): Promise<void> {
    const errors: string[] = [];
    for (const s of this.steps.reverse()) {
      try {
        await s.fn();
      } catch (e) {
        errors.push(`${s.what}: ${(e as Error).message}`);
      }
    }
    this.steps = [];
    if (errors.length) throw new Error(`cleanup failed:\n${errors.join('\n')}`);
  }
}

/** What {@link functionalSuite} hands its body. */
export interface FunctionalSuite {
  /** A connection as admin ($OSSDK_TEST_CLOUD), closed after the suite. */
  admin(opts?: Omit<ConnectionOptions, 'cloud'>): Connection;
  /** A connection as the demo member ($OSSDK_TEST_DEMO_CLOUD), closed after the suite. */
  demo(opts?: Omit<ConnectionOptions, 'cloud'>): Connection;
  /** Steps that undo what the suite created; run after it, even when a test failed. */
  cleanup: Cleanup;
  /** The prefix of every name the run creates (`ossdk-test-<hex>`): leftovers are findable by it. */
  prefix: string;
  /** A unique name for a resource of this suite, under `prefix`. */
  name(what: string): string;
}

/**
 * A `describe` of functional tests against the dev cloud: connections opened through the suite
 * are closed after it, and its cleanup list runs first, even when a test failed; names carry the
 * run's prefix, so the suite can run twice on the same cloud.
 */
export function functionalSuite(title: string, body: (s: FunctionalSuite) => void): void;
/** The same, with options of the `describe` (a suite-wide `timeout`). */
export function functionalSuite(
  title: string,
  options: { timeout?: number },
  body: (s: FunctionalSuite) => void,
): void;
export function functionalSuite(
  title: string,
  a: { timeout?: number } | ((s: FunctionalSuite) => void),
  b?: (s: FunctionalSuite) => void,
): void {
  const [options, body] = typeof a === 'function' ? [{}, a] : [a, b!];
  describe(title, options, () => {
    const opened: Connection[] = [];
    const open = (conn: Connection) => {
      opened.push(conn);
      return conn;
    };
    const suite: FunctionalSuite = {
      admin: (opts) => open(adminConnection(opts)),
      demo: (opts) => open(demoConnection(opts)),
      cleanup: new Cleanup(),
      prefix: RUN_PREFIX,
      name: uniqueName,
    };
    after(async () => {
      try {
        await suite.cleanup.run();
      } finally {
        for (const conn of opened) await conn.close();
      }
    });
    body(suite);
  });
}
