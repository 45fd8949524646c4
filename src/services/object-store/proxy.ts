/** The object storage v1 (swift) proxy. */
import type { Session } from '../../session/session.js';
import { type ProxyOptions, ServiceProxy } from '../service-proxy.js';
import { objectStoreV1Spec } from '../specs.js';

export class ObjectStoreV1 extends ServiceProxy {
  constructor(session: Session, opts: ProxyOptions = {}) {
    super(session, objectStoreV1Spec, opts);
  }
}
