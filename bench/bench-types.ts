/** One figure a benchmark reports; `npm run bench` prints them all as a table. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** Human-readable target, e.g. "< 50 ms median". */
  target?: string;
  /** Whether the figure meets the target (undefined when there is none). */
  pass?: boolean;
  detail?: string;
}

export type Bench = () => Promise<BenchResult[]>;
