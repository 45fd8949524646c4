/**
 * Mapping between TypeScript attributes and API requests, with the minimal client-side
 * validation the SDK promises: unknown names, types, enumerations, writability, required
 * fields and microversion ranges are checked before anything is sent.
 */
import { ValidationError } from '../errors/errors.js';
import type { ServiceClient } from '../session/service-client.js';
import type { ResourceDefinition } from './definition.js';
import { apiName, type FieldSpec } from './field.js';

export type Mode = 'create' | 'update';

export interface RequestParts {
  body: Record<string, unknown>;
  headers: Record<string, string>;
  uri: Record<string, unknown>;
}

function kindOk(spec: FieldSpec, v: unknown): boolean {
  switch (spec.kind) {
    case 'string':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'array':
      return Array.isArray(v);
    default:
      return true;
  }
}

/** Validate one value for a field; throws {@link ValidationError} naming the field and the fix. */
export function validateField(
  def: ResourceDefinition,
  name: string,
  spec: FieldSpec,
  value: unknown,
  mode: Mode,
  client?: ServiceClient,
): void {
  const label = `${def.name}.${name}`;
  if (spec.writable === 'ro') {
    throw new ValidationError('is set by the service and cannot be written', {
      field: label,
      fix: `remove "${name}" from the ${mode} input`,
    });
  }
  if (spec.writable === 'create' && mode === 'update') {
    throw new ValidationError('can only be set when creating', {
      field: label,
      fix: `create a new ${def.name} instead`,
    });
  }
  if (value === null) {
    if (mode !== 'update' && !spec.nullable) {
      throw new ValidationError('must not be null', { field: label, fix: 'omit it instead' });
    }
    // null is a value too: a service that does not know the field refuses (or misreads) it
    checkMicroversion(label, spec, client);
    return;
  }
  if (!kindOk(spec, value)) {
    throw new ValidationError(
      `must be ${spec.kind === 'integer' ? 'an integer' : `a ${spec.kind}`}, got ${Array.isArray(value) ? 'array' : typeof value}`,
      {
        field: label,
        fix: `pass a ${spec.kind} value`,
      },
    );
  }
  if (spec.values && !spec.values.includes(value as string | number)) {
    throw new ValidationError(`must be one of ${spec.values.join(', ')}, got "${String(value)}"`, {
      field: label,
      fix: `use one of ${spec.values.join(', ')}`,
    });
  }
  checkMicroversion(label, spec, client);
}

/** A microversion-gated field is refused outside its range at the connection's microversion. */
function checkMicroversion(label: string, spec: FieldSpec, client: ServiceClient | undefined): void {
  if (
    client &&
    (spec.minVersion || spec.maxVersion) &&
    client.microversion &&
    !client.supports(spec.minVersion, spec.maxVersion)
  ) {
    const range = `${spec.minVersion ?? ''}${spec.maxVersion ? `–${spec.maxVersion}` : '+'}`;
    throw new ValidationError(
      `exists only at ${client.spec.serviceType} microversion ${range}; this connection uses ${client.microversion}`,
      {
        field: label,
        fix: `pin ${client.spec.serviceType.replace(/-/g, '_')}_api_version to ${
          spec.minVersion && !client.supports(spec.minVersion)
            ? `${spec.minVersion} or later`
            : `${spec.maxVersion} or earlier`
        } in clouds.yaml or the connection options`,
      },
    );
  }
}

/** Turn TypeScript-named input into API body, headers and URI values. */
export function toRequest(
  def: ResourceDefinition,
  input: Record<string, unknown>,
  mode: Mode,
  client?: ServiceClient,
): RequestParts {
  const out: RequestParts = { body: {}, headers: {}, uri: {} };
  for (const [name, value] of Object.entries(input)) {
    if (name === '$extra' || value === undefined) continue;
    const spec = def.fields[name];
    if (!spec) {
      const known = Object.entries(def.fields)
        .filter(([, s]) => s.writable !== 'ro')
        .map(([n]) => n);
      throw new ValidationError(`unknown field for ${def.name}`, {
        field: name,
        fix: `use one of: ${known.join(', ')}; undeclared API keys go in $extra`,
      });
    }
    if (spec.location === 'uri') {
      out.uri[apiName(name, spec)] = value;
      continue;
    }
    validateField(def, name, spec, value, mode, client);
    if (spec.location === 'header') out.headers[apiName(name, spec)] = value === null ? '' : String(value);
    else out.body[apiName(name, spec)] = value;
  }
  if (mode === 'create') {
    for (const [name, spec] of Object.entries(def.fields)) {
      if (spec.isRequired && input[name] === undefined) {
        throw new ValidationError(`is required to create a ${def.name}`, {
          field: `${def.name}.${name}`,
          fix: `pass ${name}`,
        });
      }
    }
  }
  const extra = input.$extra;
  if (extra && typeof extra === 'object') Object.assign(out.body, extra);
  return out;
}

/** Convert a header string to the field's kind. */
export function fromHeader(spec: FieldSpec, v: string | undefined): unknown {
  if (v === undefined) return undefined;
  if (spec.kind === 'number' || spec.kind === 'integer') return Number(v);
  if (spec.kind === 'boolean') return v.toLowerCase() === 'true';
  return v;
}
