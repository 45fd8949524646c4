/**
 * Resource instances: typed getters/setters over the service's own body, so fields the SDK
 * does not declare are kept (see {@link ResourceBase.extra}); setters mark fields dirty and
 * {@link ResourceBase.commit} sends only those.
 */
import { ValidationError } from '../errors/errors.js';
import type { ServiceClient } from '../session/service-client.js';
import type { ResourceDefinition } from './definition.js';
import { type Attributes, apiName, type FieldSpec, type Fields, type PartialAttributes } from './field.js';
import { fromHeader, validateField } from './serialize.js';

export type { RequestOptions } from '../session/request-options.js';

/** A set that stays empty: the dirty sets of an instance nobody edited share it. */
class EmptySet extends Set<string> {
  override add(name: string): this {
    throw new TypeError(`internal: the shared empty dirty set cannot take "${name}"; replace it first`);
  }
}

// the shared defaults of rows nobody edits; headers and URI values are replaced, never written
const NO_HEADERS: Record<string, string> = Object.freeze({});
const NO_URI: Record<string, unknown> = Object.freeze({});
const NO_NAMES: Set<string> = new EmptySet();

/** Behaviour shared by every resource instance. */
export class ResourceBase<F extends Fields = Fields> {
  /** @internal */ _def: ResourceDefinition<F, any>;
  /** @internal */ _client: ServiceClient;
  /** @internal the body as the service sent it, plus local edits (API names) */
  _body: Record<string, unknown>;
  /**
   * @internal the response headers (lower-case). Rows of one listing share one object (and
   * one {@link _uri}): both are replaced, never written in place, when a field changes.
   */
  _headers: Record<string, string>;
  /** @internal URI values (API names), e.g. the parent server id */
  _uri: Record<string, unknown>;
  // Dirty tracking and the synced-keys snapshot are made on the first local edit: a listing
  // row that is only read (nearly all of them) then costs its body and this object, not two
  // Sets and a copy of its keys.
  /** @internal TypeScript names of changed fields (the shared empty set until the first edit) */
  _dirty: Set<string> = NO_NAMES;
  /** @internal API names of changed undeclared body keys (the shared empty set until the first edit) */
  _dirtyRaw: Set<string> = NO_NAMES;
  private _syncedKeys?: string[];
  private _syncedSet?: Set<string>;

  constructor(
    def: ResourceDefinition<F, any>,
    client: ServiceClient,
    body: Record<string, unknown> = {},
    headers: Record<string, string> = NO_HEADERS,
    uri: Record<string, unknown> = NO_URI,
  ) {
    this._def = def;
    this._client = client;
    this._body = body;
    this._headers = headers;
    this._uri = uri;
  }

  /**
   * @internal API names present in the body when last synced with the service. Only JSON Patch
   * commits read it; the keys are snapshot before the first local edit changes the body.
   */
  get _synced(): Set<string> {
    if (!this._syncedSet) this._syncedSet = new Set(this._syncedKeys ?? Object.keys(this._body));
    return this._syncedSet;
  }

  /** Snapshot the synced keys before the body is first edited locally. */
  private beforeEdit(): void {
    this._syncedKeys ??= Object.keys(this._body);
  }

  /** The resource's id. */
  get id(): string {
    return String(this.get(this._def.idField) ?? '');
  }

  /** Read a field by its TypeScript name. */
  get(name: string): unknown {
    const spec = this._def.fields[name];
    if (!spec) return undefined;
    const api = apiName(name, spec);
    if (spec.location === 'header') return fromHeader(spec, this._headers[api.toLowerCase()]);
    if (spec.location === 'uri') return this._uri[api] ?? this._body[api];
    return this._body[api];
  }

  /** Change a field by its TypeScript name (validated; marks it dirty). */
  set(name: string, value: unknown): void {
    const spec = this._def.fields[name];
    if (!spec) {
      throw new ValidationError(`unknown field for ${this._def.name}`, {
        field: name,
        fix: 'set it through $extra on update',
      });
    }
    validateField(this._def, name, spec, value, 'update', this._client);
    const api = apiName(name, spec);
    // headers and URI values may be shared with the listing's other rows: replace, never write in place
    if (spec.location === 'header')
      this._headers = { ...this._headers, [api.toLowerCase()]: String(value ?? '') };
    else if (spec.location === 'uri') this._uri = { ...this._uri, [api]: value };
    else {
      this.beforeEdit();
      this._body[api] = value;
    }
    if (this._dirty === NO_NAMES) this._dirty = new Set();
    this._dirty.add(name);
  }

  /** Change an undeclared body key by its API name (sent verbatim on commit). */
  setRaw(apiKey: string, value: unknown): void {
    this.beforeEdit();
    this._body[apiKey] = value;
    if (this._dirtyRaw === NO_NAMES) this._dirtyRaw = new Set();
    this._dirtyRaw.add(apiKey);
  }

  /** True when fields changed since the last sync with the service. */
  get isDirty(): boolean {
    return this._dirty.size > 0 || this._dirtyRaw.size > 0;
  }

  /** A copy of the body exactly as the service sent it (API names), including undeclared fields. */
  get raw(): Record<string, unknown> {
    return structuredClone(this._body);
  }

  /** Body fields the SDK does not declare, by API name: kept, never dropped. */
  get extra(): Record<string, unknown> {
    const declared = new Set(
      Object.entries(this._def.fields)
        .filter(([, s]) => s.location === 'body')
        .map(([n, s]) => apiName(n, s)),
    );
    return Object.fromEntries(Object.entries(this._body).filter(([k]) => !declared.has(k)));
  }

  /** Response headers (lower-case names). */
  get headers(): Record<string, string> {
    return { ...this._headers };
  }

  /** Declared fields under their TypeScript names, then undeclared body fields under their API names. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const name of Object.keys(this._def.fields)) {
      const v = this.get(name);
      if (v !== undefined) out[name] = v;
    }
    return { ...out, ...this.extra };
  }

  /** @internal replace state with a fresh response */
  _sync(body: Record<string, unknown>, headers?: Record<string, string>): void {
    this._body = body;
    if (headers) this._headers = headers;
    this._dirty = NO_NAMES;
    this._dirtyRaw = NO_NAMES;
    this._syncedKeys = undefined;
    this._syncedSet = undefined;
  }
}

/** An instance of a resource: its attributes as typed properties plus {@link ResourceBase}. */
export type Resource<F extends Fields = Fields> = ResourceBase<F> & Attributes<F>;

/**
 * An instance built from a partial answer (nova's server create answer): no field is promised;
 * fetch the resource again (or wait for it) for the full representation.
 */
export type PartialResource<F extends Fields = Fields> = ResourceBase<F> & PartialAttributes<F>;

const classes = new WeakMap<ResourceDefinition<any, any>, new (...a: any[]) => ResourceBase<any>>();

/** The (cached) class for a definition, with one accessor per declared field. */
export function classFor<F extends Fields>(
  def: ResourceDefinition<F, any>,
): new (
  ...a: ConstructorParameters<typeof ResourceBase<F>>
) => Resource<F> {
  let cls = classes.get(def);
  if (!cls) {
    const C = class extends ResourceBase<F> {};
    Object.defineProperty(C, 'name', {
      value: def.name.replace(/(^|[ _])(\w)/g, (_, __, c: string) => c.toUpperCase()),
    });
    for (const name of Object.keys(def.fields)) {
      if (name === 'id' || name in ResourceBase.prototype) continue;
      Object.defineProperty(C.prototype, name, {
        get(this: ResourceBase) {
          return this.get(name);
        },
        set(this: ResourceBase, v: unknown) {
          this.set(name, v);
        },
        enumerable: true,
        configurable: true,
      });
    }
    cls = C;
    classes.set(def, cls);
  }
  return cls as any;
}

/** Build an instance from a response body (envelope already removed). */
export function instantiate<F extends Fields>(
  def: ResourceDefinition<F, any>,
  client: ServiceClient,
  body: unknown,
  headers: Record<string, string> = NO_HEADERS,
  uri: Record<string, unknown> = NO_URI,
): Resource<F> {
  const C = classFor(def);
  const b =
    body && typeof body === 'object' && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : { value: body };
  return new C(def, client, b, headers, uri);
}

/** Fields of a definition that have a given location, as [tsName, spec]. */
export function fieldsAt(def: ResourceDefinition, loc: FieldSpec['location']): [string, FieldSpec][] {
  return Object.entries(def.fields).filter(([, s]) => s.location === loc);
}
