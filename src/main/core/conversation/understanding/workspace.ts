/**
 * The normalized utterance plus a working copy in which spans already understood are blanked
 * out (same length, so offsets stay valid): once "12/3" is a date, the time and phone finders
 * never see it.
 */
export class Workspace {
  readonly text: string;
  private working: string;

  constructor(text: string) {
    this.text = text;
    this.working = text;
  }

  get masked(): string {
    return this.working;
  }

  mask(start: number, end: number): void {
    if (end <= start) return;
    this.working = this.working.slice(0, start) + ' '.repeat(end - start) + this.working.slice(end);
  }

  /** Runs `pattern` (global) over the working text; spans `accept` returns true for are masked. */
  scan(pattern: RegExp, accept: (m: RegExpExecArray) => boolean): void {
    pattern.lastIndex = 0;
    const matches = [...this.working.matchAll(pattern)];
    for (const m of matches) {
      if (accept(m as RegExpExecArray)) this.mask(m.index, m.index + m[0].length);
    }
  }

  /** The working text with everything masked removed, trimmed: what is left to understand. */
  remainder(): string {
    return this.working.replace(/\s+/g, ' ').trim();
  }
}
