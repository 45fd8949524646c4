/**
 * Conformance against upstream API samples: every sample bound to a declared resource is
 * replayed. Responses must parse with every field either mapped (readable under its
 * TypeScript name, same value) or kept (in `extra`); requests rebuilt through the resource's
 * create/update mapping must reproduce the upstream body exactly. Every response body must also
 * fit the read type its declaration implies (read-shape.ts): kinds, nulls, and, in a full
 * representation, every field declared `always`.
 */
import assert from 'node:assert/strict';
import type { ResourceDefinition } from '../../../src/resource/definition.js';
import { apiName, type Fields } from '../../../src/resource/field.js';
import { instantiate } from '../../../src/resource/instance.js';
import { toRequest } from '../../../src/resource/serialize.js';
import type { ServiceClient } from '../../../src/session/service-client.js';
import { readSample, type SampleEntry, sampleIndex } from '../../support/api-samples.js';
import { readProblems } from './read-shape.js';

export interface SampleBinding {
  /** The resource the samples describe. */
  def: ResourceDefinition<any, any>;
  /** `service` in index.json. */
  service: string;
  /** `resource_hint` values in index.json whose samples belong to this resource. */
  hints: string[];
  /** Only sample paths matching this. */
  include?: RegExp;
  /** Skip sample paths matching this (say why in a comment where you use it). */
  exclude?: RegExp;
  /** How request samples are built: as a create (default) or an update body. */
  requestMode?: (e: SampleEntry) => 'create' | 'update' | 'skip';
  /** Microversion header name used by the service (to gate fields by min/max version). */
  microversioned?: boolean;
  /**
   * The microversion a sample needs when index.json gives none (an api-ref sample showing a
   * gated field, even as null, is only valid at a version that has the field).
   */
  microversionOf?: (e: SampleEntry) => string | undefined;
  /**
   * Response samples that are not a full representation the SDK's verbs return (a non-detail
   * listing, nova's create answer): their `always` fields are not required (say why where used).
   */
  partial?: RegExp;
}

export interface ReplayStats {
  candidates: number;
  replayed: number;
  responses: number;
  requests: number;
  /** Response samples whose bodies were checked against the read type. */
  readChecked: number;
  /** Of those, the ones checked as full representations (`always` fields required). */
  readFull: number;
  notApplicable: string[];
}

/** A stand-in ServiceClient carrying only the microversion, for field gating. */
function fakeClient(
  service: string,
  microversion: string | null,
  microversioned: boolean,
  base: string,
): ServiceClient {
  return {
    microversion: microversioned ? (microversion ?? base) : undefined,
    spec: { serviceType: service, major: '', fallbackPath: '' },
    supports(min?: string, max?: string) {
      if (!microversioned) return true;
      const v = (microversion ?? base).split('.').map(Number);
      const cmp = (x: string) => {
        const y = x.split('.').map(Number);
        return v[0]! - y[0]! || v[1]! - y[1]!;
      };
      return (!min || cmp(min) >= 0) && (!max || cmp(max) <= 0);
    },
  } as unknown as ServiceClient;
}

const baseVersion: Record<string, string> = { compute: '2.1', 'block-storage': '3.0', placement: '1.0' };

/** Entries bound to a resource. */
export function candidates(b: SampleBinding): SampleEntry[] {
  return sampleIndex().filter(
    (e) =>
      e.service === b.service &&
      b.hints.includes(e.resource_hint) &&
      e.format === 'json' &&
      e.valid_json !== false &&
      (!b.include || b.include.test(e.path)) &&
      !b.exclude?.test(e.path),
  );
}

function checkResponseBody(b: SampleBinding, e: SampleEntry, body: Record<string, unknown>): void {
  const client = fakeClient(
    b.service,
    e.microversion ?? b.microversionOf?.(e) ?? null,
    !!b.microversioned,
    baseVersion[b.service] ?? '',
  );
  const r = instantiate(b.def, client, structuredClone(body));
  const mapped = new Map<string, string>();
  for (const [name, spec] of Object.entries(b.def.fields as Fields))
    if (spec.location === 'body') mapped.set(apiName(name, spec), name);
  for (const [k, v] of Object.entries(body)) {
    const ts = mapped.get(k);
    if (ts) assert.deepEqual(r.get(ts), v, `${e.path}: ${k} → ${ts}`);
    else assert.deepEqual(r.extra[k], v, `${e.path}: undeclared ${k} must be kept`);
  }
  assert.deepEqual(r.raw, body, `${e.path}: raw must equal the service body`);
  const problems = readProblems(b.def, body, !b.partial?.test(e.path));
  assert.ok(
    problems.length === 0,
    `${e.path}: ${b.def.name} does not fit its read type:\n  ${problems.join('\n  ')}\n` +
      'fix the declaration (always / returnsNull / kind) or, for a partial answer, the binding',
  );
}

function checkRequestBody(
  b: SampleBinding,
  e: SampleEntry,
  body: Record<string, unknown>,
  mode: 'create' | 'update',
): void {
  const client = fakeClient(
    b.service,
    e.microversion ?? b.microversionOf?.(e) ?? null,
    !!b.microversioned,
    baseVersion[b.service] ?? '',
  );
  const byApi = new Map<string, string>();
  for (const [name, spec] of Object.entries(b.def.fields as Fields))
    if (spec.location === 'body') byApi.set(apiName(name, spec), name);
  const input: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    const ts = byApi.get(k);
    if (ts) input[ts] = v;
    else extra[k] = v;
  }
  if (Object.keys(extra).length) input.$extra = extra;
  // required fields may legitimately be absent from an update sample
  const parts = toRequest(b.def, input, mode, client);
  assert.deepEqual(parts.body, body, `${e.path}: request rebuilt through ${b.def.name} differs`);
}

/** Replay every candidate of a binding; returns stats. Assertion errors name the sample. */
export function replay(b: SampleBinding): ReplayStats {
  const stats: ReplayStats = {
    candidates: 0,
    replayed: 0,
    responses: 0,
    requests: 0,
    readChecked: 0,
    readFull: 0,
    notApplicable: [],
  };
  for (const e of candidates(b)) {
    stats.candidates++;
    const doc = readSample(e) as Record<string, unknown>;
    if (!doc || typeof doc !== 'object') {
      stats.notApplicable.push(e.path);
      continue;
    }
    const one = b.def.resourceKey ? doc[b.def.resourceKey] : doc;
    const many = b.def.resourcesKey ? doc[b.def.resourcesKey] : Array.isArray(doc) ? doc : undefined;
    if (e.kind === 'response') {
      if (Array.isArray(many)) {
        for (const item of many)
          if (item && typeof item === 'object') checkResponseBody(b, e, item as Record<string, unknown>);
      } else if (one && typeof one === 'object' && !Array.isArray(one)) {
        checkResponseBody(b, e, one as Record<string, unknown>);
      } else {
        stats.notApplicable.push(e.path);
        continue;
      }
      stats.responses++;
      stats.readChecked++;
      if (!b.partial?.test(e.path)) stats.readFull++;
      stats.replayed++;
    } else if (e.kind === 'request') {
      const mode = b.requestMode?.(e) ?? 'create';
      if (mode === 'skip' || !one || typeof one !== 'object' || Array.isArray(one)) {
        stats.notApplicable.push(e.path);
        continue;
      }
      checkRequestBody(b, e, one as Record<string, unknown>, mode);
      stats.requests++;
      stats.replayed++;
    } else {
      stats.notApplicable.push(e.path);
    }
  }
  return stats;
}
