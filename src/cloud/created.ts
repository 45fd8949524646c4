/**
 * Bookkeeping for compound operations: what an operation created, and how to undo it when a
 * later step fails (in reverse order, every step attempted even when one fails).
 */

/** Kinds of resources the cloud layer creates. */
export type CloudResourceType =
  | 'server'
  | 'floating-ip'
  | 'keypair'
  | 'volume'
  | 'network'
  | 'subnet'
  | 'router'
  | 'router-interface'
  | 'security-group'
  | 'security-group-rule'
  | 'load-balancer';

/** One resource a cloud-layer operation created. */
export interface CreatedResource {
  /** The kind of resource. */
  type: CloudResourceType;
  /** Its id. */
  id: string;
  /** Its name, when it has one. */
  name?: string;
}

/** Extra information on an error rethrown after a failed cleanup. */
export interface CleanupFailure {
  /** The resource being removed; undefined for an undo step that removes nothing (a detach). */
  resource?: CreatedResource;
  /** Why it could not be deleted. */
  error: Error;
}

/**
 * Records created resources with their undo steps. `rollback()` undoes them newest first,
 * attempting every step; failures are returned, not thrown.
 */
export class Rollback {
  private readonly steps: { resource?: CreatedResource; undo: () => Promise<unknown> }[] = [];

  /** Resources recorded so far, oldest first. */
  get created(): CreatedResource[] {
    return this.steps.flatMap((s) => (s.resource ? [s.resource] : []));
  }

  /** Record a created resource (or, with undefined, a change) and how to undo it. */
  add(resource: CreatedResource | undefined, undo: () => Promise<unknown>): void {
    this.steps.push({ resource, undo });
  }

  /** Undo everything recorded, newest first; resolves with the steps that failed. */
  async rollback(): Promise<CleanupFailure[]> {
    const failures: CleanupFailure[] = [];
    for (const s of [...this.steps].reverse()) {
      try {
        await s.undo();
      } catch (e) {
        failures.push({ resource: s.resource, error: e as Error });
      }
    }
    this.steps.length = 0;
    return failures;
  }

  /**
   * Run `fn`; when it throws, roll back and rethrow the original error. When cleanup also
   * fails, the error's message says what was left behind and `cleanupFailures` lists it.
   */
  async guard<T>(fn: () => Promise<T>, onFailure?: (e: unknown) => void): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      onFailure?.(e);
      const failures = await this.rollback();
      if (failures.length && e instanceof Error) {
        const left = failures
          .map((f) =>
            f.resource
              ? `${f.resource.type} ${f.resource.name ?? ''} ${f.resource.id}: ${f.error.message}`
              : f.error.message,
          )
          .join('; ');
        e.message = `${e.message} [cleanup incomplete, left behind: ${left}]`;
        Object.assign(e, { cleanupFailures: failures });
      }
      throw e;
    }
  }
}
