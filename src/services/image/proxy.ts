/**
 * The image v2 (glance) proxy, `conn.image`: the generated verbs of one table, and one section
 * module per family of hand-written methods (data, tags and state, members, import, stores and
 * schemas), assembled by `mixSections`.
 */
import { installVerbs, type VerbsOfTable, verbRow } from '../../resource/index.js';
import type { Session } from '../../session/session.js';
import { mixSections } from '../proxy-sections.js';
import { type ProxyOptions, ServiceProxy } from '../service-proxy.js';
import { imageV2Spec } from '../specs.js';
import { Image } from './image.js';
import { ImageImportSection } from './image-importing-section.js';
import { ImageInfoSection } from './image-info-section.js';
import { ImageMemberSection } from './image-members-section.js';
import { ImageStateSection } from './image-state-section.js';
import { ImageTransferSection } from './image-transfer-section.js';
import { Task } from './task.js';

/** The generated verbs of `conn.image`, one row per resource (singular → definition, plural, verbs). */
const imageVerbTable = {
  Image: verbRow(Image, 'Images'),
  Task: verbRow(Task, 'Tasks', ['list', 'get', 'create', 'wait']),
} as const;

/** The verbs generated from {@link imageVerbTable} and the methods of every section. */
export interface ImageV2
  extends VerbsOfTable<typeof imageVerbTable>,
    ImageTransferSection,
    ImageStateSection,
    ImageMemberSection,
    ImageImportSection,
    ImageInfoSection {}

/**
 * Glance v2: images and their data, tags, sharing (members), deactivation, interoperable
 * import, stores, tasks and schemas.
 *
 * Generated verbs: `listImages`/`getImage`/`findImage`/`createImage`/`updateImage` (JSON Patch)/
 * `deleteImage`/`waitForImage`/`waitForImageDelete`, and `listTasks`/`getTask`/`createTask`/`waitForTask`.
 */
export class ImageV2 extends ServiceProxy {
  constructor(session: Session, opts: ProxyOptions = {}) {
    super(session, imageV2Spec, opts);
    installVerbs(this, this.client, imageVerbTable);
  }
}
mixSections(ImageV2, [
  ImageTransferSection,
  ImageStateSection,
  ImageMemberSection,
  ImageImportSection,
  ImageInfoSection,
]);
