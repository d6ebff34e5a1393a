import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cache = new Map<string, Buffer>();

/**
 * Real speech for a phrase, as Twilio carries a caller's voice: espeak-ng says it, sox makes it
 * μ-law 8 kHz mono with no header. Cached per process (each phrase is made once).
 */
export function phraseAudio(text: string): Buffer {
  const cached = cache.get(text);
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-phrase-'));
  try {
    const wav = join(dir, 'phrase.wav');
    const raw = join(dir, 'phrase.ul');
    execFileSync('espeak-ng', ['-v', 'en-us', '-s', '175', '-w', wav, text]);
    execFileSync('sox', [wav, '-r', '8000', '-c', '1', '-e', 'mu-law', '-t', 'raw', raw]);
    const audio = readFileSync(raw);
    cache.set(text, audio);
    return audio;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Loudness of one μ-law byte (0 silent … 127 loudest). */
export function mulawLevel(byte: number): number {
  return ~byte & 0x7f;
}

/** Where the speech in a clip starts and ends (bytes), ignoring near-silence at either end. */
export function speechSpan(audio: Buffer, threshold = 12): { start: number; end: number } {
  let start = 0;
  while (start < audio.length && mulawLevel(audio[start]!) < threshold) start++;
  let end = audio.length;
  while (end > start && mulawLevel(audio[end - 1]!) < threshold) end--;
  return { start, end };
}
