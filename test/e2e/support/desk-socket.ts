import { WebSocket } from 'ws';
import type { CommandInput, CommandName, CommandOutput } from '../../../src/shared/contract/commands.js';
import type { ContractErrorShape } from '../../../src/shared/contract/errors.js';
import { consoleSocketUrl, fetchConsoleToken } from './console-page.js';

/** A contract error answered by the appliance, with its code and details. */
export class DeskCommandError extends Error {
  constructor(
    readonly command: string,
    readonly error: ContractErrorShape,
  ) {
    super(`${command}: ${error.code}: ${error.message}${error.details?.length ? ` (${error.details.join('; ')})` : ''}`);
  }
}

/**
 * The console's own WebSocket, opened from the test as the console page would (its token and
 * origin), so a test can arrange or check state through the very commands staff use.
 */
export class DeskSocket {
  #nextId = 1;
  readonly #pending = new Map<number, { resolve: (output: unknown) => void; reject: (error: Error) => void; name: string }>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { kind: string; id?: number; ok?: boolean; output?: unknown; error?: ContractErrorShape };
      if (frame.kind !== 'result' || frame.id === undefined) return;
      const waiting = this.#pending.get(frame.id);
      if (!waiting) return;
      this.#pending.delete(frame.id);
      if (frame.ok) waiting.resolve(frame.output);
      else waiting.reject(new DeskCommandError(waiting.name, frame.error ?? { code: 'internal', message: 'no error' }));
    });
    socket.on('close', () => {
      for (const waiting of this.#pending.values()) waiting.reject(new Error(`the console socket closed before ${waiting.name} answered`));
      this.#pending.clear();
    });
  }

  static async open(consoleUrl: string): Promise<DeskSocket> {
    const token = await fetchConsoleToken(consoleUrl);
    const socket = new WebSocket(consoleSocketUrl(consoleUrl, token), { origin: new URL(consoleUrl).origin });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
      socket.once('unexpected-response', (_request, response) => reject(new Error(`the console refused the socket: HTTP ${response.statusCode}`)));
    });
    return new DeskSocket(socket);
  }

  call<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (output: unknown) => void, reject, name });
      this.socket.send(JSON.stringify({ kind: 'command', id, name, input }));
    });
  }

  /** Runs a command expected to fail; resolves with the appliance's error. */
  async refusal<N extends CommandName>(name: N, input: CommandInput<N>): Promise<ContractErrorShape> {
    try {
      await this.call(name, input);
    } catch (error) {
      if (error instanceof DeskCommandError) return error.error;
      throw error;
    }
    throw new Error(`${name} succeeded but a refusal was expected`);
  }

  close(): void {
    this.socket.close();
  }
}

/**
 * Has a caller book through the real phone path in a rehearsal call: the receptionist's own
 * understanding, dialog and booking rules. Returns everything it said, for failure messages.
 */
export async function rehearseCall(desk: DeskSocket, tenantId: string, from: string, lines: readonly string[]): Promise<{ callId: string; said: string[] }> {
  const start = await desk.call('rehearsal/start', { tenantId, from });
  const said = [...start.said];
  for (const line of lines) {
    const turn = await desk.call('rehearsal/say', { callId: start.callId, text: line });
    said.push(`> ${line}`, ...turn.said);
    if (turn.state !== 'listening') break;
  }
  return { callId: start.callId, said };
}
