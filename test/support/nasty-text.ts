import fc from 'fast-check';

/**
 * Characters that have broken text pipelines: every C0 control, DEL and the C1 controls, lone
 * surrogate halves, noncharacters, byte-order and bidi marks, line and paragraph separators,
 * XML's own specials, and astral characters (emoji, which are surrogate pairs).
 */
const ODD_CHARACTERS = [
  ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)),
  ...Array.from({ length: 0x21 }, (_, i) => String.fromCharCode(0x7f + i)),
  '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uFFFE', '\uFFFF', '\uFDD0', '\uFEFF', '\u200B', '\u200D', '\u202E', '\u2066',
  '\u2028', '\u2029', '\u0301', '<', '>', '&', '"', "'", ']]>', '<!--', '<Say>', '</Response>', '&amp;', '\u{1F600}', '\u{10FFFF}',
];

/** Text mixing ordinary words with every odd character class, the way pasted and imported text does. */
export const nastyText: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...ODD_CHARACTERS), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 })), {
    minLength: 1,
    maxLength: 12,
  })
  .map((parts) => parts.join(''));
