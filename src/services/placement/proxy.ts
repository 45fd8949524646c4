/** The placement v1 (placement) proxy. */
import type { Session } from '../../session/session.js';
import { type ProxyOptions, ServiceProxy } from '../service-proxy.js';
import { placementV1Spec } from '../specs.js';

export class PlacementV1 extends ServiceProxy {
  constructor(session: Session, opts: ProxyOptions = {}) {
    super(session, placementV1Spec, opts);
  }
}
