import { describe, expect, it } from 'vitest';
import { understand } from '../../../../src/main/core/conversation/understanding/index.js';
import { demoTenant } from '../rules-brain/harness.js';

const NOW = Date.parse('2026-11-23T14:00:00Z');
const tenant = demoTenant();
const heard = (text: string, expect: 'name' | null = null) => understand(text, { tenant, now: NOW, expect }).name;

// The name on a booking is the caller's spelling: the normalizer's folding (accents off,
// hyphens split) is for matching phrasings, never for what staff read.
describe('a name is kept as the caller spelled it', () => {
  it.each([
    ['this is Jean-Luc Picard calling', 'Jean-Luc Picard'],
    ["my name's Siobhan O'Neill-Park, I'd like a cleaning", "Siobhan O'Neill-Park"],
    ['my name is jean-luc picard', 'Jean-Luc Picard'],
    ['my name is José Núñez', 'José Núñez'],
    ['my name is Ronald McDonald', 'Ronald McDonald'],
    ["my name is patrick o'brien", "Patrick O'Brien"],
    ['my name is Ann Lee', 'Ann Lee'],
    ['my name is Mary - Jane Watson', 'Mary-Jane Watson'],
  ])('%s → %s', (said, name) => {
    expect(heard(said)).toBe(name);
  });

  it('a bare answer to "what name?" keeps its hyphen', () => {
    expect(heard('Anne-Marie Duval', 'name')).toBe('Anne-Marie Duval');
  });

  it.each([
    ['María de los Ángeles de la Cruz', 'María de los Ángeles de la Cruz'],
    ['Maria de la Cruz', 'Maria de la Cruz'],
    ['juan carlos de la vega', 'Juan Carlos de la Vega'],
    ['Ana María Torres López', 'Ana María Torres López'],
    ['Ludwig van Beethoven', 'Ludwig van Beethoven'],
    ['João dos Santos', 'João dos Santos'],
    ['De Luca', 'De Luca'],
    ['van dyke', 'Van Dyke'],
  ])('a bare answer to "what name?" with the small words of family names: %s', (said, name) => {
    expect(heard(said, 'name')).toBe(name);
  });

  it.each([
    ['my name is Juan de la Vega and I need a cleaning', 'Juan de la Vega'],
    ['this is Maria del Carmen Ruiz calling', 'Maria del Carmen Ruiz'],
    ['hi this is Tom de', 'Tom'],
  ])('after "my name is" or "this is", particles stay inside the name: %s', (said, name) => {
    expect(heard(said)).toBe(name);
  });

  it('a particle alone, or words that are no name, are not a name', () => {
    for (const said of ['de la', 'i need a cleaning on the day after', 'do you have anything']) expect(heard(said, 'name'), said).toBeNull();
  });

  it('words around the name do not join it', () => {
    expect(heard('hi, this is Ann Lee, calling about a cleaning')).toBe('Ann Lee');
  });
});
