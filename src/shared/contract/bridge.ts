import type { CommandInput, CommandName, CommandOutput } from './commands.js';
import type { AnyEvent } from './events.js';
import type { CommandResult } from './wire.js';

/**
 * What the Electron preload exposes on `window.frontdesk`: one function per contract command and
 * one event subscription. No raw ipcRenderer ever reaches the renderer.
 */
export type FrontdeskBridge = {
  commands: { [N in CommandName]: (input: CommandInput<N>) => Promise<CommandResult<CommandOutput<N>>> };
  onEvent(listener: (event: AnyEvent) => void): () => void;
};

export const BRIDGE_KEY = 'frontdesk';
export const IPC_COMMAND_CHANNEL = 'frontdesk:command';
export const IPC_EVENT_CHANNEL = 'frontdesk:event';
