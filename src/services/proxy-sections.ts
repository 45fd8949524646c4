/**
 * Proxy sections: a large proxy (`conn.blockStorage`, `conn.objectStore`, ...) is written as
 * one small class per resource family, each in its own module, and assembled into the public
 * proxy class by {@link mixSections}. Each section extends {@link ServiceProxy} only so that
 * `this.client` is typed; sections are never constructed. The proxy declares
 * `interface XxxV1 extends SectionA, SectionB {}` beside its class so its type lists every
 * section's methods, and calls `mixSections(XxxV1, [SectionA, SectionB])` once at module load.
 *
 * Why not inheritance: a chain (`ComputeV2 extends ComputeServers extends ...`) orders
 * unrelated families and ties each module to the next; sections depend on `ServiceProxy` only.
 */

type AnyClass = abstract new (...args: any[]) => object;

/**
 * Copy the methods (and accessors) that each section class defines on its own prototype onto
 * `target`'s prototype. A name defined twice (by two sections, or by a section and the target
 * itself) is a programming error and throws at module load, so a section cannot silently
 * replace another's method.
 */
export function mixSections(target: AnyClass, sections: readonly AnyClass[]): void {
  for (const section of sections) {
    for (const name of Object.getOwnPropertyNames(section.prototype)) {
      if (name === 'constructor') continue;
      if (Object.hasOwn(target.prototype, name))
        throw new Error(`${target.name}.${name} is defined twice (again by section ${section.name})`);
      const descriptor = Object.getOwnPropertyDescriptor(section.prototype, name);
      if (descriptor) Object.defineProperty(target.prototype, name, descriptor);
    }
  }
}
