/**
 * Checks of DNS names before anything is sent: designate refuses a name without its trailing
 * dot with a 400 that does not say why, so the SDK says it first, naming the field.
 * @internal
 */
import { ValidationError } from '../../errors/errors.js';
import { describeValue } from '../../resource/ids.js';

/** `value` must be a fully qualified DNS name (`example.org.`); else a ValidationError on `field`. */
export function requireFqdn(field: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') {
    throw new ValidationError(`${field} is required (got ${describeValue(value)})`, {
      field,
      fix: "pass a fully qualified name with the trailing dot, e.g. 'example.org.'",
    });
  }
  if (!value.endsWith('.')) {
    throw new ValidationError(`${field} "${value}" is not fully qualified: it must end with a dot`, {
      field,
      fix: `write it as '${value}.'`,
    });
  }
  return value;
}

/** A non-empty string argument (a region, a key); else a ValidationError on `field`. */
export function requireText(field: string, value: unknown, fix: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new ValidationError(`${field} is required (got ${describeValue(value)})`, { field, fix });
  }
  return value;
}
