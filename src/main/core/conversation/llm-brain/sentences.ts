// A sentence ends at . ! ? followed by a space, except after a title or inside "a.m." / "p.m."
const BOUNDARY = /(?<!\b(?:Dr|Mr|Mrs|Ms|St|Jr|Sr|Prof|[ap]\.m|e\.g|i\.e))([.!?]["')\]]*)\s+(?=\S)/g;

/**
 * Cuts streamed text into sentences as soon as each one is complete, so the caller hears the
 * first sentence while the model is still writing the second.
 */
export class SentenceBuffer {
  private pending = '';

  /** Adds streamed text; returns the sentences it completed. */
  push(text: string): string[] {
    this.pending += text;
    const out: string[] = [];
    let start = 0;
    for (const match of this.pending.matchAll(BOUNDARY)) {
      const end = (match.index ?? 0) + match[1]!.length;
      const sentence = this.pending.slice(start, end).trim();
      if (sentence) out.push(sentence);
      start = (match.index ?? 0) + match[0].length;
    }
    this.pending = this.pending.slice(start);
    return out;
  }

  /** What is left when the stream ends. */
  flush(): string[] {
    const rest = this.pending.trim();
    this.pending = '';
    return rest ? [rest] : [];
  }
}
