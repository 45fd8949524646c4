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
  /** Allowed values (checked before sending). */
  values?: readonly string[];
  /** Accept null from the user (to clear a value). */
  nullable?: boolean;
}

/** A declared field of a resource: its options, and its value type for inference. */
export interface FieldSpec<
  T = unknown,
  W extends Writability = Writability,
  R extends boolean = boolean,
  N extends boolean = boolean,
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
  readonly values?: readonly string[];
  /** Whether the user may send `null` (to clear the value). */
  readonly nullable?: N;
  /** Phantom: carries the value type for inference. */
  readonly __type?: T;
  /** The same field, set by the service only. */
  readOnly(): FieldSpec<T, 'ro', R, N>;
  /** The same field, settable on create only. */
  createOnly(): FieldSpec<T, 'create', R, N>;
  /** The same field, required on create. */
  required(): FieldSpec<T, W, true, N>;
}

type WOf<O> = O extends { readOnly: true } ? 'ro' : O extends { createOnly: true } ? 'create' : 'rw';
type ROf<O> = O extends { required: true } ? true : false;
type NOf<O> = O extends { nullable: true } ? true : false;

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
};

function build(kind: FieldKind, o: FieldOptions = {}): FieldSpec<any, any, any, any> {
  return Object.assign(Object.create(modifiers), {
    kind,
    api: o.api,
    location: o.location ?? 'body',
    writable: o.readOnly ? 'ro' : o.createOnly ? 'create' : 'rw',
    isRequired: o.required ?? false,
    minVersion: o.minVersion,
    maxVersion: o.maxVersion,
    values: o.values,
    nullable: o.nullable,
  });
}

function make<T>(kind: FieldKind) {
  return <const O extends FieldOptions = {}>(o?: O): FieldSpec<T, WOf<O>, ROf<O>, NOf<O>> => build(kind, o);
}

/** Options of generic fields; writability is set with the `.readOnly()` / `.createOnly()` / `.required()` modifiers. */
export type GenericFieldOptions = Omit<FieldOptions, 'readOnly' | 'createOnly' | 'required'>;

/**
 * A generic field constructor: `f.object<Fault>()`. Overloaded so that an explicit value type
 * still carries `{ nullable: true }` into the create-input type.
 */
export interface GenericField<D> {
  <T = D>(o: GenericFieldOptions & { nullable: true }): FieldSpec<T, 'rw', false, true>;
  <T = D>(o?: GenericFieldOptions): FieldSpec<T, 'rw', false, false>;
}
/** `f.array<Item>()`: the type parameter is the item type. */
export interface GenericArrayField {
  <T = unknown>(o: GenericFieldOptions & { nullable: true }): FieldSpec<T[], 'rw', false, true>;
  <T = unknown>(o?: GenericFieldOptions): FieldSpec<T[], 'rw', false, false>;
}
function generic<D>(kind: FieldKind) {
  return (o?: GenericFieldOptions): FieldSpec<D, 'rw', false, any> => build(kind, o);
}

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
  /** A string restricted to `values`. */
  enum: <const V extends readonly string[], const O extends GenericFieldOptions = {}>(
    values: V,
    o?: O,
  ): FieldSpec<V[number], 'rw', false, NOf<O>> => build('string', { ...o, values }),
};

/** The fields of a resource, by TypeScript name. */
export type Fields = Record<string, FieldSpec<any, any, any>>;

type ValueOf<S> = S extends FieldSpec<infer T, any, any> ? T : never;
type KeysWhere<F extends Fields, W extends Writability> = {
  [K in keyof F]: F[K] extends FieldSpec<any, infer X, any> ? (X extends W ? K : never) : never;
}[keyof F];
type RequiredKeys<F extends Fields> = {
  [K in keyof F]: F[K] extends FieldSpec<any, any, true> ? K : never;
}[keyof F];

/** Values a resource carries, as read from the service (all optional: services omit fields). */
export type Attributes<F extends Fields> = {
  readonly [K in KeysWhere<F, 'ro' | 'create'>]?: ValueOf<F[K]>;
} & {
  -readonly [K in KeysWhere<F, 'rw'>]?: ValueOf<F[K]>;
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
    | (F[K] extends FieldSpec<any, any, any, true> ? null : never);
} & { [K in Extract<KeysWhere<F, 'rw' | 'create'>, RequiredKeys<F>>]: ValueOf<F[K]> } & ExtraBody;

/** Input of update: fields that may change after create. */
export type UpdateAttributes<F extends Fields> = {
  [K in KeysWhere<F, 'rw'>]?: ValueOf<F[K]> | null;
} & ExtraBody;

/** The API name of a field. */
export function apiName(name: string, spec: FieldSpec): string {
  return spec.api ?? name;
}
