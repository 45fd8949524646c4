/**
 * Field declarations: where a value lives (body, header, URI, query), its API name, its
 * type for minimal validation, whether it is writable, and the microversions it exists in.
 * The TypeScript types of attributes and of create/update inputs are inferred from these.
 */
export type FieldLocation = 'body' | 'header' | 'uri';
/** The JSON type of a field's value, checked when a request is built. */
export type FieldKind = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'any';
/** rw: settable on create and update; create: only on create; ro: set by the service. */
export type Writability = 'rw' | 'create' | 'ro';

/**
 * How a field is declared: its API name, where it travels, who may set it, and from which microversion it exists.
 */
export interface FieldOptions {
  /** The API's name when it differs from the TypeScript name (`accessIPv4` for `accessIpv4`). */
  api?: string;
  /** Where the field travels (default `body`). */
  location?: FieldLocation;
  /** Set by the service only: refused in create and update input. */
  readOnly?: boolean;
  /** Settable on create only. */
  createOnly?: boolean;
  /** Required on create (checked before sending). */
  required?: boolean;
  /** Microversion range in which the field exists (inclusive). */
  minVersion?: string;
  /** The last microversion in which the field exists (inclusive). */
  maxVersion?: string;
  /** Allowed values (checked before sending): strings, or numbers for a numeric set such as `[4, 6]`. */
  values?: readonly (string | number)[];
  /**
   * Accept null from the user (to clear a value). A value a user may clear to null reads back as
   * null, so the read type is `T | null` too.
   */
  nullable?: boolean;
  /**
   * The service returns this field in every full representation (show, list with details, and the
   * answers of the generated create/update verbs): the read type makes it required. Not allowed
   * with `minVersion`/`maxVersion` (a gated field is absent at other microversions).
   */
  always?: boolean;
  /** The service may return null for this field (read type `T | null`); says nothing about input. */
  returnsNull?: boolean;
}

/** A declared field of a resource: its options, and its value type for inference. */
export interface FieldSpec<
  T = unknown,
  W extends Writability = Writability,
  R extends boolean = boolean,
  N extends boolean = boolean,
  A extends boolean = boolean,
  V = T,
> {
  /** The JSON type of the value. */
  readonly kind: FieldKind;
  /** The API's name when it differs from the TypeScript name. */
  readonly api?: string;
  /** Where the field travels. */
  readonly location: FieldLocation;
  /** Who may set the field. */
  readonly writable: W;
  /** Whether create needs it. */
  readonly isRequired: R;
  /** The first microversion in which the field exists. */
  readonly minVersion?: string;
  /** The last microversion in which the field exists. */
  readonly maxVersion?: string;
  /** The allowed values, when restricted. */
  readonly values?: readonly (string | number)[];
  /** Whether the user may send `null` (to clear the value). */
  readonly nullable?: N;
  /** Whether every full representation carries the field (see {@link FieldOptions.always}). */
  readonly alwaysPresent?: A;
  /** Whether the service may return null for the field (see {@link FieldOptions.returnsNull}). */
  readonly mayReturnNull?: boolean;
  /** Phantom: carries the value type for inference. */
  readonly __type?: T;
  /** Phantom: carries the type of the value as read back (nulls, widened enums). */
  readonly __read?: V;
  /** The same field, set by the service only. */
  readOnly(): FieldSpec<T, 'ro', R, N, A, V>;
  /** The same field, settable on create only. */
  createOnly(): FieldSpec<T, 'create', R, N, A, V>;
  /** The same field, required on create. */
  required(): FieldSpec<T, W, true, N, A, V>;
  /** The same field, present in every full representation: required in the read type. */
  always(): FieldSpec<T, W, R, N, true, V>;
  /** The same field, which the service may return as null: `V | null` in the read type. */
  returnsNull(): FieldSpec<T, W, R, N, A, V | null>;
}

type WOf<O> = O extends { readOnly: true } ? 'ro' : O extends { createOnly: true } ? 'create' : 'rw';
type ROf<O> = O extends { required: true } ? true : false;
type NOf<O> = O extends { nullable: true } ? true : false;
type AOf<O> = O extends { always: true } ? true : false;
/** What a field reads back as: `null` when the user may clear it or the service may send it. */
type ReadNullOf<O> = O extends { nullable: true } | { returnsNull: true } ? null : never;

/** A gated field is absent outside its range, so "always" cannot hold: refused at declaration. */
function checkAlways(s: { alwaysPresent?: boolean; minVersion?: string; maxVersion?: string }): void {
  if (s.alwaysPresent && (s.minVersion || s.maxVersion)) {
    throw new Error(
      `a field gated by microversion (${s.minVersion ?? ''}..${s.maxVersion ?? ''}) cannot be "always": ` +
        'the service omits it at other microversions; drop always()',
    );
  }
}

const modifiers = {
  readOnly(this: FieldSpec) {
    return Object.assign(Object.create(modifiers), this, { writable: 'ro' });
  },
  createOnly(this: FieldSpec) {
    return Object.assign(Object.create(modifiers), this, { writable: 'create' });
  },
  required(this: FieldSpec) {
    return Object.assign(Object.create(modifiers), this, { isRequired: true });
  },
  always(this: FieldSpec) {
    const s = Object.assign(Object.create(modifiers), this, { alwaysPresent: true });
    checkAlways(s);
    return s;
  },
  returnsNull(this: FieldSpec) {
    return Object.assign(Object.create(modifiers), this, { mayReturnNull: true });
  },
};

function build(kind: FieldKind, o: FieldOptions = {}): FieldSpec<any, any, any, any, any, any> {
  const s = Object.assign(Object.create(modifiers), {
    kind,
    api: o.api,
    location: o.location ?? 'body',
    writable: o.readOnly ? 'ro' : o.createOnly ? 'create' : 'rw',
    isRequired: o.required ?? false,
    minVersion: o.minVersion,
    maxVersion: o.maxVersion,
    values: o.values,
    nullable: o.nullable,
    alwaysPresent: o.always ?? false,
    mayReturnNull: o.returnsNull ?? false,
  });
  checkAlways(s);
  return s;
}

function make<T>(kind: FieldKind) {
  return <const O extends FieldOptions = {}>(
    o?: O,
  ): FieldSpec<T, WOf<O>, ROf<O>, NOf<O>, AOf<O>, T | ReadNullOf<O>> => build(kind, o);
}

/**
 * Options of generic fields; writability, presence and read nulls are set with the modifiers
 * (`.readOnly()`, `.createOnly()`, `.required()`, `.always()`, `.returnsNull()`).
 */
export type GenericFieldOptions = Omit<
  FieldOptions,
  'readOnly' | 'createOnly' | 'required' | 'always' | 'returnsNull'
>;

/**
 * A generic field constructor: `f.object<Fault>()`. Overloaded so that an explicit value type
 * still carries `{ nullable: true }` into the create-input type.
 */
export interface GenericField<D> {
  <T = D>(o: GenericFieldOptions & { nullable: true }): FieldSpec<T, 'rw', false, true, false, T | null>;
  <T = D>(o?: GenericFieldOptions): FieldSpec<T, 'rw', false, false, false, T>;
}
/** `f.array<Item>()`: the type parameter is the item type. */
export interface GenericArrayField {
  <T = unknown>(
    o: GenericFieldOptions & { nullable: true },
  ): FieldSpec<T[], 'rw', false, true, false, T[] | null>;
  <T = unknown>(o?: GenericFieldOptions): FieldSpec<T[], 'rw', false, false, false, T[]>;
}
function generic<D>(kind: FieldKind) {
  return (o?: GenericFieldOptions): FieldSpec<D, 'rw', false, any, false, any> => build(kind, o);
}

/**
 * A value of an enum as read back: the declared values, or any other string, because a newer
 * service may report a value this SDK does not know yet (editors still offer the declared ones).
 */
export type OpenEnum<V extends string> = V | (string & {});

/**
 * Field constructors: `f.string({ api: 'accessIPv4' })`, `f.integer({ readOnly: true })`,
 * and for structured values `f.object<Fault>().readOnly()`.
 */
export const f = {
  /** A string field. */
  string: make<string>('string'),
  /** A number field. */
  number: make<number>('number'),
  /** An integer field (a number checked to be whole). */
  integer: make<number>('integer'),
  /** A boolean field. */
  boolean: make<boolean>('boolean'),
  /** An ISO-8601 timestamp, kept as the service's string. */
  date: make<string>('string'),
  object: generic<Record<string, unknown>>('object') as GenericField<Record<string, unknown>>,
  array: generic<unknown[]>('array') as GenericArrayField,
  any: generic<unknown>('any') as GenericField<unknown>,
  /** A string restricted to `values` on input; read back as {@link OpenEnum}. */
  enum: <const V extends readonly string[], const O extends GenericFieldOptions = {}>(
    values: V,
    o?: O,
  ): FieldSpec<V[number], 'rw', false, NOf<O>, false, OpenEnum<V[number]> | ReadNullOf<O>> =>
    build('string', { ...o, values }),
};

/** The fields of a resource, by TypeScript name. */
export type Fields = Record<string, FieldSpec<any, any, any, any, any, any>>;

type ValueOf<S> = S extends FieldSpec<infer T, any, any, any, any, any> ? T : never;
/** The type of a field's value as read from the service. */
export type ReadValueOf<S> = S extends FieldSpec<any, any, any, any, any, infer V> ? V : never;
type IsAlways<S> = S extends FieldSpec<any, any, any, any, true, any> ? true : false;
type IsRw<S> = S extends FieldSpec<any, 'rw', any, any, any, any> ? true : false;
type KeysWhere<F extends Fields, W extends Writability> = {
  [K in keyof F]: F[K] extends FieldSpec<any, infer X, any, any, any, any>
    ? X extends W
      ? K
      : never
    : never;
}[keyof F];
type RequiredKeys<F extends Fields> = {
  [K in keyof F]: F[K] extends FieldSpec<any, any, true, any, any, any> ? K : never;
}[keyof F];

/**
 * Values a resource carries, as read from the service: fields declared `always` are required,
 * the others optional (services omit them, or they exist only at some microversions); a field
 * the service may send as null reads as `T | null`. Fields the user may change are writable.
 * The key remapping keeps each field's TSDoc on the property.
 */
export type Attributes<F extends Fields> = {
  readonly [K in keyof F as IsRw<F[K]> extends false
    ? IsAlways<F[K]> extends true
      ? K
      : never
    : never]: ReadValueOf<F[K]>;
} & {
  readonly [K in keyof F as IsRw<F[K]> extends false
    ? IsAlways<F[K]> extends true
      ? never
      : K
    : never]?: ReadValueOf<F[K]>;
} & {
  -readonly [K in keyof F as IsRw<F[K]> extends true
    ? IsAlways<F[K]> extends true
      ? K
      : never
    : never]: ReadValueOf<F[K]>;
} & {
  -readonly [K in keyof F as IsRw<F[K]> extends true
    ? IsAlways<F[K]> extends true
      ? never
      : K
    : never]?: ReadValueOf<F[K]>;
};

/**
 * Values of a partial representation (nova's answer to a server create carries only id, links,
 * adminPass and security groups): every field optional, with the read types of {@link Attributes}.
 */
export type PartialAttributes<F extends Fields> = {
  readonly [K in keyof F as IsRw<F[K]> extends false ? K : never]?: ReadValueOf<F[K]>;
} & {
  -readonly [K in keyof F as IsRw<F[K]> extends true ? K : never]?: ReadValueOf<F[K]>;
};

/** Escape hatch for body keys the SDK does not declare: sent verbatim. */
export interface ExtraBody {
  /** Keys sent as they are, beside the declared fields: for an API extension the SDK does not declare. */
  $extra?: Record<string, unknown>;
}

/** Input of create: writable fields, required ones mandatory. */
export type CreateAttributes<F extends Fields> = {
  [K in Exclude<KeysWhere<F, 'rw' | 'create'>, RequiredKeys<F>>]?:
    | ValueOf<F[K]>
    | (F[K] extends FieldSpec<any, any, any, true, any, any> ? null : never);
} & { [K in Extract<KeysWhere<F, 'rw' | 'create'>, RequiredKeys<F>>]: ValueOf<F[K]> } & ExtraBody;

/** Input of update: fields that may change after create. */
export type UpdateAttributes<F extends Fields> = {
  [K in KeysWhere<F, 'rw'>]?: ValueOf<F[K]> | null;
} & ExtraBody;

/** The API name of a field. */
export function apiName(name: string, spec: FieldSpec): string {
  return spec.api ?? name;
}
