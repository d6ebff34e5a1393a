import { commands, type CommandName } from '../shared/contract/commands.js';
import type { AnyEvent } from '../shared/contract/events.js';
import type { FrontdeskBridge } from '../shared/contract/bridge.js';

/** Every command the contract defines; the bridge exposes exactly these, no more. */
export const COMMAND_NAMES = Object.freeze(Object.keys(commands) as CommandName[]);

export type InvokeCommand = (name: CommandName, input: unknown) => Promise<unknown>;
/** Subscribes to pushed events; the listener gets the event payload only, never transport objects. */
export type SubscribeEvents = (listener: (payload: unknown) => void) => () => void;

/** The slice of `ipcRenderer` the preload uses, so the wiring is testable without Electron. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * Builds `window.frontdesk`. Each command is its own function taking only `input`, so a
 * compromised page can neither pick a channel nor reach ipcRenderer; main still validates
 * everything against the contract.
 */
export function buildBridge(invoke: InvokeCommand, subscribe: SubscribeEvents): FrontdeskBridge {
  const bridgeCommands: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of COMMAND_NAMES) {
    // Extra arguments are dropped on purpose: only `input` crosses to main.
    bridgeCommands[name] = (input: unknown) => invoke(name, input);
  }
  return {
    commands: bridgeCommands as FrontdeskBridge['commands'],
    onEvent(listener: (event: AnyEvent) => void): () => void {
      if (typeof listener !== 'function') throw new TypeError('onEvent needs a listener function');
      let active = true;
      const unsubscribe = subscribe((payload) => listener(payload as AnyEvent));
      return () => {
        if (!active) return;
        active = false;
        unsubscribe();
      };
    },
  };
}

/** Adapts ipcRenderer to the bridge: fixed channels, and the IPC event object is stripped. */
export function ipcTransport(
  ipc: IpcRendererLike,
  channels: { command: string; event: string },
): { invoke: InvokeCommand; subscribe: SubscribeEvents } {
  return {
    invoke: (name, input) => ipc.invoke(channels.command, name, input),
    subscribe: (listener) => {
      const handler = (_event: unknown, payload: unknown): void => listener(payload);
      ipc.on(channels.event, handler);
      return () => {
        ipc.removeListener(channels.event, handler);
      };
    },
  };
}
