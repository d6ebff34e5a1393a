import { describe, expect, it, vi } from 'vitest';
import { commands } from '../../../src/shared/contract/commands.js';
import { IPC_COMMAND_CHANNEL, IPC_EVENT_CHANNEL } from '../../../src/shared/contract/bridge.js';
import type { AnyEvent } from '../../../src/shared/contract/events.js';
import { buildBridge, COMMAND_NAMES, ipcTransport, type IpcRendererLike } from '../../../src/preload/build-bridge.js';

/** A stand-in for ipcRenderer that records exactly what crosses to main. */
function fakeIpc() {
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const ipc = {
    invoke: vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => ({ ok: true, output: 'answer' })),
    on: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(listener);
    }),
    removeListener: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      listeners.get(channel)?.delete(listener);
    }),
  } satisfies IpcRendererLike;
  const send = (channel: string, ...args: unknown[]) => {
    const ipcEvent = { sender: { send: () => undefined }, senderId: 0, ports: [] };
    listeners.get(channel)?.forEach((listener) => listener(ipcEvent, ...args));
  };
  return { ipc, send, count: (channel: string) => listeners.get(channel)?.size ?? 0 };
}

function bridgeOver(fake: ReturnType<typeof fakeIpc>) {
  const transport = ipcTransport(fake.ipc, { command: IPC_COMMAND_CHANNEL, event: IPC_EVENT_CHANNEL });
  return buildBridge(transport.invoke, transport.subscribe);
}

const sampleEvent: AnyEvent = { name: 'tenants/changed', payload: { tenantIds: ['bright-smiles'] } };

describe('buildBridge', () => {
  it('has one function per contract command, named exactly as in the contract', () => {
    const bridge = buildBridge(vi.fn(), vi.fn());
    expect(Object.keys(bridge.commands).sort()).toEqual(Object.keys(commands).sort());
    expect(COMMAND_NAMES).toEqual(Object.keys(commands));
    for (const fn of Object.values(bridge.commands)) expect(typeof fn).toBe('function');
  });

  it('exposes nothing but commands and onEvent', () => {
    const bridge = buildBridge(vi.fn(), vi.fn());
    expect(Object.keys(bridge).sort()).toEqual(['commands', 'onEvent']);
  });

  it('sends each command on the command channel with its own name and the input only', async () => {
    const fake = fakeIpc();
    const bridge = bridgeOver(fake);
    for (const name of Object.keys(commands) as Array<keyof typeof commands>) {
      fake.ipc.invoke.mockClear();
      const call = bridge.commands[name] as (input: unknown, ...rest: unknown[]) => Promise<unknown>;
      await expect(call({ tenantId: 't1' }, 'extra', () => 'sneaky')).resolves.toEqual({ ok: true, output: 'answer' });
      expect(fake.ipc.invoke).toHaveBeenCalledTimes(1);
      expect(fake.ipc.invoke.mock.calls[0]).toEqual([IPC_COMMAND_CHANNEL, name, { tenantId: 't1' }]);
    }
  });

  it('hands listeners the event payload only, never the IPC event object', () => {
    const fake = fakeIpc();
    const bridge = bridgeOver(fake);
    const listener = vi.fn();
    bridge.onEvent(listener);
    fake.send(IPC_EVENT_CHANNEL, sampleEvent, 'trailing');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([sampleEvent]);
  });

  it('listens on the event channel only', () => {
    const fake = fakeIpc();
    const bridge = bridgeOver(fake);
    const listener = vi.fn();
    bridge.onEvent(listener);
    fake.send(IPC_COMMAND_CHANNEL, sampleEvent);
    fake.send('some:other-channel', sampleEvent);
    expect(listener).not.toHaveBeenCalled();
    expect(fake.ipc.on).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, expect.any(Function));
  });

  it('unsubscribes: no more events, the IPC listener is removed, and a second call is harmless', () => {
    const fake = fakeIpc();
    const bridge = bridgeOver(fake);
    const kept = vi.fn();
    const dropped = vi.fn();
    bridge.onEvent(kept);
    const unsubscribe = bridge.onEvent(dropped);
    expect(fake.count(IPC_EVENT_CHANNEL)).toBe(2);

    unsubscribe();
    unsubscribe();
    fake.send(IPC_EVENT_CHANNEL, sampleEvent);
    expect(dropped).not.toHaveBeenCalled();
    expect(kept).toHaveBeenCalledTimes(1);
    expect(fake.count(IPC_EVENT_CHANNEL)).toBe(1);
    expect(fake.ipc.removeListener).toHaveBeenCalledTimes(1);
  });

  it('refuses a listener that is not a function', () => {
    const bridge = buildBridge(vi.fn(), vi.fn(() => () => undefined));
    expect(() => bridge.onEvent('not a function' as unknown as () => void)).toThrow(TypeError);
  });

  it('never hands ipcRenderer (or anything holding it) to the page', () => {
    const fake = fakeIpc();
    const bridge = bridgeOver(fake);
    const seen = new Set<unknown>();
    const walk = (value: unknown): void => {
      if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) return;
      seen.add(value);
      expect(value).not.toBe(fake.ipc);
      for (const key of Object.keys(value as object)) walk((value as Record<string, unknown>)[key]);
    };
    walk(bridge);
  });
});
