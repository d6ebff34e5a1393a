export { CommandError, describeError, isCommandError } from './command-error.js';
export type { ConnectionState, TransportKind } from './connection-state.js';
export { ConsoleClient } from './console-client.js';
export { createConsoleClient, type ConsoleHost, type CreateConsoleClientOptions } from './create-console-client.js';
export { keepFresh } from './keep-fresh.js';
