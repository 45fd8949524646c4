import { defineResource, f } from '../../resource/index.js';

/** Totals over the visible volumes (`/volumes/summary`, 3.12; metadata from 3.36). */
export const VolumeSummary = defineResource({
  name: 'volume summary',
  basePath: '/volumes/summary',
  resourceKey: 'volume-summary',
  resourcesKey: null,
  fields: {
    totalSize: f.integer({ api: 'total_size', readOnly: true }).always(),
    totalCount: f.integer({ api: 'total_count', readOnly: true }).always(),
    /** Metadata values by key over all volumes (3.36). */
    metadata: f.object<Record<string, string[]>>({ minVersion: '3.36' }).readOnly(),
  },
  pagination: 'none',
  allow: { create: false, fetch: false, commit: false, delete: false, list: false },
});
