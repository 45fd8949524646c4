import { ValidationError } from '../../errors/errors.js';
import { defineResource, f } from '../../resource/index.js';

/** Import methods and their parameters (`GET /v2/info/import` lists what a cloud offers). */
export type ImportMethod =
  | { name: 'glance-direct' }
  | { name: 'web-download'; uri: string }
  | { name: 'copy-image' }
  | {
      name: 'glance-download';
      glance_image_id: string;
      glance_region: string;
      glance_service_interface?: string;
    };

/**
 * The body of `POST /v2/images/{image_id}/import` (interoperable image import): which
 * method brings the data in and which stores receive it. Built and validated through this
 * declaration by the proxy's `importImage`.
 */
export const ImageImport = defineResource({
  name: 'image import',
  basePath: '/images/{image_id}/import',
  resourceKey: null,
  resourcesKey: null,
  fields: {
    imageId: f.string({ api: 'image_id', location: 'uri' }),
    method: f.object<ImportMethod>().required().createOnly(),
    /** Target store ids (multi-store clouds). */
    stores: f.array<string>().createOnly(),
    allStores: f.boolean({ api: 'all_stores', createOnly: true }),
    allStoresMustSucceed: f.boolean({ api: 'all_stores_must_succeed', createOnly: true }),
  },
  allow: { create: true, fetch: false, commit: false, delete: false, list: false },
  pagination: 'none',
});

/** The import method names glance knows (its `enabled_import_methods` choices). */
const IMPORT_METHOD_NAMES: readonly string[] = [
  'glance-direct',
  'web-download',
  'copy-image',
  'glance-download',
];

/**
 * `method` is an object field, which the declaration cannot check inside: glance answers another
 * name with a 400 after the request, so it is refused here first.
 * @internal
 */
export function checkImportMethod(method: { name?: unknown } | null | undefined): void {
  const name = method?.name;
  if (typeof name !== 'string' || !IMPORT_METHOD_NAMES.includes(name)) {
    throw new ValidationError(`must be one of ${IMPORT_METHOD_NAMES.join(', ')}, got "${String(name)}"`, {
      field: 'image import.method.name',
      fix: `use one of ${IMPORT_METHOD_NAMES.join(', ')} (getImportMethods() lists what this cloud enables)`,
    });
  }
}
