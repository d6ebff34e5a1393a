import { LlmFailure, type ToolCall } from './ports.js';

/**
 * Streamed tool calls arrive in fragments keyed by `index`: the id and name first, then the JSON
 * arguments in pieces (possibly split mid-token). This puts them back together.
 */
export class ToolCallAccumulator {
  private readonly byIndex = new Map<number, { id: string; name: string; arguments: string }>();

  add(fragment: { index: number; id?: string | undefined; name?: string | undefined; arguments?: string | undefined }): void {
    const entry = this.byIndex.get(fragment.index) ?? { id: '', name: '', arguments: '' };
    if (fragment.id) entry.id = fragment.id;
    if (fragment.name) entry.name += fragment.name;
    if (fragment.arguments) entry.arguments += fragment.arguments;
    this.byIndex.set(fragment.index, entry);
  }

  get size(): number {
    return this.byIndex.size;
  }

  /** The complete calls in index order; a call without a name or with arguments that are not a JSON object is malformed. */
  complete(known: ReadonlySet<string>): { call: ToolCall; args: Record<string, unknown> }[] {
    return [...this.byIndex.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, entry]) => {
        if (!entry.name || !known.has(entry.name)) throw new LlmFailure('malformed', `tool call ${index} names unknown tool "${entry.name}"`);
        let args: unknown;
        try {
          args = entry.arguments.trim() ? JSON.parse(entry.arguments) : {};
        } catch {
          throw new LlmFailure('malformed', `tool call ${index} (${entry.name}) has arguments that are not JSON`);
        }
        if (typeof args !== 'object' || args === null || Array.isArray(args)) throw new LlmFailure('malformed', `tool call ${index} (${entry.name}) arguments are not an object`);
        const id = entry.id || `call_${index}`;
        return { call: { id, type: 'function' as const, function: { name: entry.name, arguments: entry.arguments || '{}' } }, args: args as Record<string, unknown> };
      });
  }
}
