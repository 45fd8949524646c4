/**
 * The transports every transport test runs over: undici (Node's default), node (Node's own
 * `node:http`) and fetch (the default everywhere else, chosen explicitly here since Node has
 * all three). A behaviour of the client must hold whichever carries the bytes.
 */
import type { TransportKind } from '../../../src/transport/http-client.js';

/** Every transport, undici first. */
export const TRANSPORTS: readonly TransportKind[] = ['undici', 'node', 'fetch'];
