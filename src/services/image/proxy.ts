/** The image v2 (glance) proxy. */
import type { Session } from '../../session/session.js';
import { type ProxyOptions, ServiceProxy } from '../service-proxy.js';
import { imageV2Spec } from '../specs.js';

export class ImageV2 extends ServiceProxy {
  constructor(session: Session, opts: ProxyOptions = {}) {
    super(session, imageV2Spec, opts);
  }
}
