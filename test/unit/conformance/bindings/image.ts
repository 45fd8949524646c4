import { Image } from '../../../../src/services/image/image.js';
import { ImageImport } from '../../../../src/services/image/image-import.js';
import { Member } from '../../../../src/services/image/member.js';
import { Schema } from '../../../../src/services/image/schema.js';
import { Store } from '../../../../src/services/image/store.js';
import { Task } from '../../../../src/services/image/task.js';
import type { SampleBinding } from '../harness.js';

export const bindings: SampleBinding[] = [
  {
    def: Image,
    service: 'image',
    hints: ['image', 'images'],
    // the import request bodies share the `image` hint; they belong to ImageImport below
    exclude: /image-import-/,
    // image-update-request is a JSON Patch array: its rebuild is checked in
    // test/unit/services/image/image.test.ts (commit → the same operations)
    requestMode: (e) => (/image-update-request/.test(e.path) ? 'skip' : 'create'),
  },
  { def: ImageImport, service: 'image', hints: ['image'], include: /image-import-/ },
  {
    def: Member,
    service: 'image',
    hints: ['image-member', 'image-members'],
    requestMode: (e) => (/member-update-request/.test(e.path) ? 'update' : 'create'),
  },
  { def: Task, service: 'image', hints: ['task', 'tasks', 'image-tasks'] },
  { def: Store, service: 'image', hints: ['stores'] },
  {
    def: Schema,
    service: 'image',
    hints: [
      'schemas-image',
      'schemas-images',
      'schemas-image-member',
      'schemas-image-members',
      'schemas-task',
      'schemas-tasks',
    ],
  },
];
