import type { CommandResult } from '../../shared/contract/index.js';
import { checkSender, type ExpectedSender, type SenderFrameInfo } from './ipc-sender-policy.js';

export interface IpcCommandHandlerDeps {
  /** The desktop window's console session: commands run as whoever signed in there. */
  dispatch: (name: string, input: unknown) => Promise<CommandResult>;
  /** Read on every call: the window (and its renderer process) can be recreated after a crash. */
  expectedSender: () => ExpectedSender | null;
  onRejected: (reason: string) => void;
  onError: (error: unknown) => void;
}

export type IpcCommandHandler = (sender: SenderFrameInfo | null, name: unknown, input: unknown) => Promise<CommandResult>;

/**
 * The whole IPC command path minus Electron: check who is asking, then hand the command to the
 * core, which validates input against the contract. Always answers with a `CommandResult`, so
 * the renderer sees a typed error instead of a rejected invoke with Electron's wrapped message.
 */
export function createIpcCommandHandler(deps: IpcCommandHandlerDeps): IpcCommandHandler {
  return async (sender, name, input) => {
    const verdict = checkSender(sender, deps.expectedSender());
    if (!verdict.trusted) {
      deps.onRejected(verdict.reason);
      return { ok: false, error: { code: 'unauthorized', message: 'This window may not run Frontdesk commands.' } };
    }
    if (typeof name !== 'string') {
      return { ok: false, error: { code: 'unknown_command', message: 'Command name must be a string.' } };
    }
    try {
      return await deps.dispatch(name, input);
    } catch (error) {
      // dispatch promises never to throw; if it does anyway, the renderer still gets an answer.
      deps.onError(error);
      return { ok: false, error: { code: 'internal', message: 'Frontdesk could not run that command.' } };
    }
  };
}
