/**
 * How the console is connected to the appliance.
 * - `connecting`: the first connection has not opened yet.
 * - `open`: commands and events flow.
 * - `reconnecting`: a connection that was open dropped; the transport is retrying with backoff.
 * - `closed`: the client was closed on purpose and will not retry.
 */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export type TransportKind = 'ipc' | 'websocket';
