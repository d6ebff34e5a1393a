import { describe, expect, it } from 'vitest';
import { LlmFailure } from '../../../../src/main/core/conversation/llm-brain/ports.js';
import { SentenceBuffer } from '../../../../src/main/core/conversation/llm-brain/sentences.js';
import { ToolCallAccumulator } from '../../../../src/main/core/conversation/llm-brain/tool-calls.js';

describe('SentenceBuffer', () => {
  it('gives each sentence as soon as the next one starts, whatever the chunking', () => {
    const buffer = new SentenceBuffer();
    const text = 'Sure! I have Tuesday at 3:00 p.m. with Dr. Lee. Does that work? Great';
    const out: string[] = [];
    for (const ch of text) out.push(...buffer.push(ch));
    expect(out).toEqual(['Sure!', 'I have Tuesday at 3:00 p.m. with Dr. Lee.', 'Does that work?']);
    expect(buffer.flush()).toEqual(['Great']);
    expect(buffer.flush()).toEqual([]);
  });

  it('does not cut inside a time, a title or a decimal', () => {
    const buffer = new SentenceBuffer();
    expect(buffer.push('Ms. Gomez sees you at 9:30 a.m. Mr. Smith at 2.5 hours in. ')).toEqual([]);
    expect(buffer.flush()).toEqual(['Ms. Gomez sees you at 9:30 a.m. Mr. Smith at 2.5 hours in.']);
  });
});

describe('ToolCallAccumulator', () => {
  it('joins fragments by index, in index order, even when calls interleave', () => {
    const acc = new ToolCallAccumulator();
    acc.add({ index: 1, id: 'b', name: 'find_appointments', arguments: '' });
    acc.add({ index: 0, id: 'a', name: 'check_', arguments: '{"servi' });
    acc.add({ index: 0, name: 'availability', arguments: 'ceId":"clea' });
    acc.add({ index: 1, arguments: '{}' });
    acc.add({ index: 0, arguments: 'ning"}' });
    const calls = acc.complete(new Set(['check_availability', 'find_appointments']));
    expect(calls.map((c) => [c.call.id, c.call.function.name, c.args])).toEqual([
      ['a', 'check_availability', { serviceId: 'cleaning' }],
      ['b', 'find_appointments', {}],
    ]);
  });

  it.each([
    ['arguments that are not JSON', { index: 0, id: 'a', name: 'hold_slot', arguments: '{"start": ' }],
    ['arguments that are not an object', { index: 0, id: 'a', name: 'hold_slot', arguments: '[1,2]' }],
    ['an unknown tool', { index: 0, id: 'a', name: 'drop_tables', arguments: '{}' }],
    ['no name at all', { index: 0, id: 'a', arguments: '{}' }],
  ])('calls %s malformed', (_name, fragment) => {
    const acc = new ToolCallAccumulator();
    acc.add(fragment);
    expect(() => acc.complete(new Set(['hold_slot']))).toThrow(LlmFailure);
    try {
      acc.complete(new Set(['hold_slot']));
    } catch (error) {
      expect((error as LlmFailure).kind).toBe('malformed');
      expect((error as LlmFailure).endpointFault).toBe(true);
    }
  });
});
