import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_KEY, IPC_COMMAND_CHANNEL, IPC_EVENT_CHANNEL } from '../shared/contract/bridge.js';
import { buildBridge, ipcTransport } from './build-bridge.js';

// Bundled into one CommonJS file by esbuild: a sandboxed preload cannot require local modules.
const transport = ipcTransport(ipcRenderer, { command: IPC_COMMAND_CHANNEL, event: IPC_EVENT_CHANNEL });
contextBridge.exposeInMainWorld(BRIDGE_KEY, buildBridge(transport.invoke, transport.subscribe));
