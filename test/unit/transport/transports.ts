/**
 * The transports every transport test runs over: undici (Node's default) and fetch (the default
 * everywhere else, chosen explicitly here since Node has both). A behaviour of the client must
 * hold whichever carries the bytes.
 */
import type { TransportKind } from '../../../src/transport/http-client.js';

/** Both transports, undici first. */
export const TRANSPORTS: readonly TransportKind[] = ['undici', 'fetch'];
