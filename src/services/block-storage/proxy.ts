/** The block storage v3 (cinder) proxy. */
import type { Session } from '../../session/session.js';
import { type ProxyOptions, ServiceProxy } from '../service-proxy.js';
import { blockStorageV3Spec } from '../specs.js';

export class BlockStorageV3 extends ServiceProxy {
  constructor(session: Session, opts: ProxyOptions = {}) {
    super(session, blockStorageV3Spec, opts);
  }
}
