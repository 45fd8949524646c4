/**
 * Microversions: parsing, comparison, negotiation, and the header each service expects.
 *
 * Policy: the SDK knows the range it supports per service and a documented default.
 * A pinned version is used exactly (error when the cloud or the SDK cannot do it); an
 * unpinned client uses the default, or the highest common version below it on an older
 * cloud — it never floats up to whatever the cloud offers, so programs keep working
 * when the cloud is upgraded.
 */
import { ConfigError } from '../errors/errors.js';

/** A parsed microversion: `2.79` is `{ major: 2, minor: 79 }`. */
export interface Microversion {
  /** The major version (before the dot). */
  major: number;
  /** The minor version (after the dot); `2.10` is above `2.9`. */
  minor: number;
}

/** Parse `"2.79"` (a leading `v` is allowed); throws a `ConfigError` on anything else. */
export function parseMicroversion(v: string): Microversion {
  const m = /^v?(\d+)\.(\d+)$/.exec(v.trim());
  if (!m)
    throw new ConfigError(`"${v}" is not a microversion`, { fix: 'write it as MAJOR.MINOR, e.g. 2.79' });
  return { major: Number(m[1]), minor: Number(m[2]) };
}

/** Format a microversion back to `"2.79"`. */
export function formatMicroversion(v: Microversion): string {
  return `${v.major}.${v.minor}`;
}

/** Negative when a < b, 0 when equal, positive when a > b. */
export function compareMicroversions(a: string | Microversion, b: string | Microversion): number {
  const x = typeof a === 'string' ? parseMicroversion(a) : a;
  const y = typeof b === 'string' ? parseMicroversion(b) : b;
  return x.major - y.major || x.minor - y.minor;
}

/** Whether `v` is in [min, max] (either bound optional). */
export function microversionInRange(v: string, min?: string, max?: string): boolean {
  return (!min || compareMicroversions(v, min) >= 0) && (!max || compareMicroversions(v, max) <= 0);
}

/** What the SDK supports for one microversioned service. */
export interface MicroversionSupport {
  /** Name used in `OpenStack-API-Version: <name> <version>`. */
  headerName: string;
  /** Legacy header also sent (nova's X-OpenStack-Nova-API-Version). */
  legacyHeader?: string;
  /** The lowest microversion the SDK can speak to this service. */
  sdkMin: string;
  /** The highest microversion the SDK knows this service's changes up to. */
  sdkMax: string;
  /** Used when nothing is pinned (documented in README "Versioning"). */
  default: string;
}

/** Choose the microversion for a session given the SDK's support, the cloud's range and a pin. */
export function negotiateMicroversion(
  support: MicroversionSupport,
  cloud: { min?: string; max?: string },
  pinned?: string,
  serviceType = support.headerName,
): string {
  if (pinned && pinned !== 'latest') {
    if (!microversionInRange(pinned, support.sdkMin, support.sdkMax)) {
      throw new ConfigError(
        `microversion ${pinned} is outside what this SDK supports for ${serviceType} (${support.sdkMin}–${support.sdkMax})`,
        {
          field: `${serviceType}_api_version`,
          fix: `pin a version between ${support.sdkMin} and ${support.sdkMax}`,
        },
      );
    }
    if (cloud.max && !microversionInRange(pinned, cloud.min, cloud.max)) {
      throw new ConfigError(
        `microversion ${pinned} is not offered by this cloud's ${serviceType} (${cloud.min ?? '?'}–${cloud.max})`,
        {
          field: `${serviceType}_api_version`,
          fix: `pin a version between ${cloud.min ?? support.sdkMin} and ${cloud.max}`,
        },
      );
    }
    return pinned;
  }
  // 'latest' is an explicit opt-in to float, capped by what the SDK understands
  let want = pinned === 'latest' ? support.sdkMax : support.default;
  if (cloud.max && compareMicroversions(cloud.max, want) < 0) want = cloud.max;
  if (cloud.min && compareMicroversions(cloud.min, want) > 0) {
    throw new ConfigError(
      `this cloud's ${serviceType} needs at least microversion ${cloud.min}, newer than this SDK's ${want}`,
      { field: `${serviceType}_api_version` },
    );
  }
  return want;
}

/** Headers announcing microversion `v` for a service. */
export function microversionHeaders(support: MicroversionSupport, v: string): Record<string, string> {
  const h: Record<string, string> = { 'openstack-api-version': `${support.headerName} ${v}` };
  if (support.legacyHeader) h[support.legacyHeader] = v;
  return h;
}
