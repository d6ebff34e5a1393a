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

  it('words around the name do not join it', () => {
    expect(heard('hi, this is Ann Lee, calling about a cleaning')).toBe('Ann Lee');
  });
});
