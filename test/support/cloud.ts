/**
 * Functional tests run against a real cloud: the dev cloud by default (tools/test.sh sets
 * OS_CLIENT_CONFIG_FILE), admin cloud $OSSDK_TEST_CLOUD and member cloud $OSSDK_TEST_DEMO_CLOUD.
 * Names carry a per-run prefix so runs never collide and cleanup can find leftovers.
 */
import { randomBytes } from 'node:crypto';
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
