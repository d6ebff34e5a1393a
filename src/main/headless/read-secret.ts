import { Writable } from 'node:stream';
import { createInterface } from 'node:readline';

/**
 * Reads a secret value from standard input: piped (`printf %s "$TOKEN" | frontdesk secrets set …`)
 * or typed at a prompt that does not echo. One trailing newline is dropped, nothing else.
 */
export async function readSecretFromStdin(name: string, input: NodeJS.ReadStream = process.stdin): Promise<string> {
  if (!input.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of input) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  }
  process.stderr.write(`Value for ${name} (not shown; press Enter when done): `);
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input, output: muted, terminal: true });
  const line = await new Promise<string>((resolve) => rl.once('line', resolve));
  rl.close();
  process.stderr.write('\n');
  return line;
}
