// TypeDoc plugin (typedoc.json "plugin"): documents the verbs a proxy gets from `VerbsOf<…>`.
//
// `listServers`, `getServer`, … `waitForServerDelete` are properties of a mapped type generated in
// src/resource/verbs.ts, so TypeScript gives them no declaration a TSDoc comment could sit on. Their
// meaning is fixed by the verb, so this plugin writes it once, per verb, and links each generated
// method to its resource definition (the `compute.Server` const: fields and list filters). The
// definition's own `@example` (the family's example, checked by tools/check-tsdoc-examples.mjs) is
// shown on the family's first verb. It also checks what `requiredToBeDocumented` cannot express:
// every property declared on an exported class or interface has a comment (options objects,
// error fields), while the members of inferred object types (a resource's fields) are left to
// their definitions.
import { Application, Comment, Converter, ReflectionKind } from 'typedoc';

/** Proxy reflection name → namespace holding its resource definitions. */
const NAMESPACE_OF = {
  BlockStorageV3: 'blockStorage',
  ComputeV2: 'compute',
  ComputeServers: 'compute',
  IdentityV3: 'identity',
  ImageV2: 'image',
  NetworkV2: 'network',
  ObjectStoreV1: 'objectStore',
  PlacementV1: 'placement',
  OrchestrationV1: 'orchestration',
  DnsV2: 'dns',
  LoadBalancerV2: 'loadBalancer',
  SharedFileSystemV2: 'sharedFileSystem',
  BaremetalV1: 'baremetal',
};

/** Verb → [order in the family, summary before the resource words, summary after]. */
const VERBS = [
  [/^list(\w+)$/, 0, 'Lists ', '. Returns a lazy `ResourceList`: `for await` it (pages are fetched as you go) or call `.toArray()`; `query` takes the definition\'s filters.', 'plural'],
  [/^get(\w+)$/, 1, 'Fetches one ', ' by id (or by the resource itself). A missing one is a `NotFoundError`.', 'singular'],
  [/^find(\w+)$/, 2, 'Finds one ', ' by id, else by exact name: throws `ResourceNotFoundError` when none matches (or returns `undefined` with `ignoreMissing: true`) and `MultipleMatchesError` when several have the name.', 'singular'],
  [/^create(\w+)$/, 3, 'Creates a ', ' from typed attributes (required ones are checked before the request) and returns it as the service stored it.', 'singular'],
  [/^update(\w+)$/, 4, 'Updates a ', ': sends only the given attributes and returns the result.', 'singular'],
  [/^delete(\w+)$/, 5, 'Deletes a ', '. A missing one is a `NotFoundError`, or success with `ignoreMissing: true`.', 'singular'],
  [/^waitFor(\w+)Delete$/, 7, 'Waits until a ', ' is gone (its get answers 404), polling every `intervalMs` for at most `timeoutMs`; throws `TimeoutError` when it is still there.', 'singular'],
  [/^waitFor(\w+)$/, 6, 'Waits until a ', ' reaches one of the given statuses (case-insensitive), polling every `intervalMs` for at most `timeoutMs`; throws `ResourceFailureError` when it reaches a failure status (`failures`, default `ERROR`) and `TimeoutError` when time runs out.', 'singular'],
];

const ACRONYMS = { ip: 'IP', qos: 'QoS', rbac: 'RBAC', dscp: 'DSCP', dhcp: 'DHCP', l3: 'L3' };

/** `FloatingIp` → `floating IP`. */
function words(name) {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(' ')
    .map((w) => ACRONYMS[w] ?? w)
    .join(' ');
}

function textParts(s) {
  // `code` spans become code parts so the theme renders them as code
  return s
    .split(/(`[^`]+`)/)
    .filter(Boolean)
    .map((t) => (t.startsWith('`') ? { kind: 'code', text: t } : { kind: 'text', text: t }));
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const project = context.project;
    const namespaces = new Map();
    for (const ns of project.getReflectionsByKind(ReflectionKind.Namespace)) namespaces.set(ns.name, ns);

    const proxies = project
      .getReflectionsByKind(ReflectionKind.Class | ReflectionKind.Interface)
      .filter((r) => Object.hasOwn(NAMESPACE_OF, r.name));
    for (const proxy of proxies) {
      const ns = namespaces.get(NAMESPACE_OF[proxy.name]);
      const families = new Map();
      for (const member of proxy.children ?? []) {
        if (member.comment || !member.kindOf(ReflectionKind.Property)) continue;
        // generated verbs have no declaration file; a hand-written property without a comment stays undocumented
        const file = project.getSymbolIdFromReflection(member)?.fileName ?? '';
        if (/\.[cm]?ts$/.test(file) && !file.endsWith('/resource/verbs.ts')) continue;
        for (const [re, order, before, after, number] of VERBS) {
          const m = re.exec(member.name);
          if (!m) continue;
          const resource = m[1];
          const w = words(resource);
          // 'Creates a ' + 'image' → 'Creates an image'
          const lead = before.endsWith(' a ') && /^([aeiou]|RBAC|L3)/.test(w) ? `${before.slice(0, -1)}n ` : before;
          const parts = [...textParts(lead), { kind: 'text', text: w }, ...textParts(after)];
          const key = number === 'plural' ? `plural:${resource}` : resource;
          const family = families.get(key) ?? [];
          family.push({ member, order, parts });
          families.set(key, family);
          break;
        }
      }
      // list verbs are keyed by the plural: attach them to the family whose definition they list
      for (const [key, fam] of families) {
        if (!key.startsWith('plural:')) continue;
        const plural = key.slice('plural:'.length);
        const singular = [...families.keys()].find(
          (k) => !k.startsWith('plural:') && [`${k}s`, `${k}es`, `${k.replace(/y$/, 'ies')}`].includes(plural),
        );
        families.delete(key);
        if (singular) families.get(singular).push(...fam);
        else families.set(plural, fam);
      }
      for (const [resource, fam] of families) {
        const def = ns?.getChildByName(resource);
        fam.sort((a, b) => a.order - b.order);
        fam.forEach(({ member, parts }, i) => {
          const summary = [...parts];
          if (def)
            summary.push(
              { kind: 'text', text: ' Fields and filters: ' },
              { kind: 'inline-tag', tag: '@link', text: `${ns.name}.${def.name}`, target: def },
              { kind: 'text', text: '.' },
            );
          const tags = i === 0 && def?.comment ? def.comment.blockTags.filter((t) => t.tag === '@example').map((t) => t.clone()) : [];
          member.comment = new Comment(summary, tags);
        });
      }
    }
  });

  // Properties declared on exported classes and interfaces must be documented (see the header).
  app.on(Application.EVENT_VALIDATE_PROJECT, (project) => {
    if (!app.options.getValue('validation').notDocumented) return;
    for (const owner of project.getReflectionsByKind(ReflectionKind.Class | ReflectionKind.Interface)) {
      for (const p of owner.children ?? []) {
        if (!p.kindOf(ReflectionKind.Property | ReflectionKind.Accessor)) continue;
        if (p.comment || p.getSignature?.comment || p.inheritedFrom) continue;
        // an error class's `name` is its class name, set for stack traces and logs
        if (p.name === 'name' && owner.name.endsWith('Error')) continue;
        const file = project.getSymbolIdFromReflection(p)?.fileName ?? '';
        // generated verbs are documented above; a property without a source file is inferred
        if (!file || file.includes('node_modules')) continue;
        app.logger.validationWarning(`${p.getFriendlyFullName()} (Property), declared in ${file}, does not have any documentation`);
      }
    }
  });
}
