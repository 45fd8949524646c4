import { defineResource, f } from '../../resource/index.js';

/** A JSON Schema glance publishes for its documents (`GET /v2/schemas/{image,images,member,members,...}`). */
export const Schema = defineResource({
  name: 'schema',
  basePath: '/schemas',
  resourceKey: null,
  resourcesKey: null,
  idField: 'name',
  fields: {
    name: f.string({ readOnly: true }).always(),
    properties: f.object<Record<string, Record<string, unknown>>>().readOnly().always(),
    additionalProperties: f.any<boolean | Record<string, unknown>>().readOnly(),
    required: f.array<string>().readOnly(),
    links: f.array<{ rel: string; href: string; method?: string }>().readOnly(),
  },
  allow: { create: false, fetch: true, commit: false, delete: false, list: false },
  pagination: 'none',
});
