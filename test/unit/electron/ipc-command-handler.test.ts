import { describe, expect, it, vi } from 'vitest';
import type { CommandResult } from '../../../src/shared/contract/index.js';
import { APP_ORIGIN } from '../../../src/main/electron/app-origin.js';
import { createIpcCommandHandler, type IpcCommandHandlerDeps } from '../../../src/main/electron/ipc-command-handler.js';
import type { ExpectedSender, SenderFrameInfo } from '../../../src/main/electron/ipc-sender-policy.js';

const expected: ExpectedSender = { webContentsId: 1, processId: 7, routingId: 3, appOrigin: APP_ORIGIN };
const consoleFrame: SenderFrameInfo = { webContentsId: 1, processId: 7, routingId: 3, isMainFrame: true, url: 'app://console/' };

function setup(overrides: Partial<IpcCommandHandlerDeps> = {}) {
  const result: CommandResult = { ok: true, output: { pong: true } };
  const deps = {
    dispatch: vi.fn(async () => result),
    expectedSender: vi.fn((): ExpectedSender | null => expected),
    onRejected: vi.fn(),
    onError: vi.fn(),
    ...overrides,
  };
  return { deps, result, handle: createIpcCommandHandler(deps) };
}

describe('createIpcCommandHandler', () => {
  it('dispatches a trusted command through the window\'s console session and returns the core result untouched', async () => {
    const { deps, result, handle } = setup();
    await expect(handle(consoleFrame, 'tenants/list', {})).resolves.toBe(result);
    expect(deps.dispatch).toHaveBeenCalledWith('tenants/list', {});
  });

  it('passes unknown names and raw input through: the core validates them against the contract', async () => {
    const { deps, handle } = setup();
    await handle(consoleFrame, 'nope/nothing', { anything: 1 });
    expect(deps.dispatch).toHaveBeenCalledWith('nope/nothing', { anything: 1 });
  });

  it('answers an untrusted sender with unauthorized and never reaches the core', async () => {
    const { deps, handle } = setup();
    const subframe = { ...consoleFrame, isMainFrame: false };
    const answer = await handle(subframe, 'tenants/list', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(deps.dispatch).not.toHaveBeenCalled();
    expect(deps.onRejected).toHaveBeenCalledWith('sender is a subframe');
  });

  it('refuses everything while no console window exists', async () => {
    const { deps, handle } = setup({ expectedSender: () => null });
    await expect(handle(consoleFrame, 'health/get', {})).resolves.toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(deps.dispatch).not.toHaveBeenCalled();
  });

  it('reads the expected sender on every call, so a recreated renderer is recognised', async () => {
    let current = expected;
    const { handle } = setup({ expectedSender: () => current });
    const recreated = { ...consoleFrame, processId: 42 };
    await expect(handle(recreated, 'health/get', {})).resolves.toMatchObject({ ok: false });
    current = { ...expected, processId: 42 };
    await expect(handle(recreated, 'health/get', {})).resolves.toMatchObject({ ok: true });
  });

  it.each([undefined, 42, { name: 'health/get' }, null])('refuses a non-string command name (%s)', async (name) => {
    const { deps, handle } = setup();
    await expect(handle(consoleFrame, name, {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    expect(deps.dispatch).not.toHaveBeenCalled();
  });

  it('turns a throwing dispatch into an internal error instead of a rejected invoke', async () => {
    const boom = new Error('boom');
    const { deps, handle } = setup({ dispatch: vi.fn(async () => Promise.reject(boom)) });
    await expect(handle(consoleFrame, 'health/get', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(deps.onError).toHaveBeenCalledWith(boom);
  });
});
