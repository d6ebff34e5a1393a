import { z } from 'zod';
import { findControlCharacter } from '../lib/plain-text.js';

/**
 * Text fields people type: control characters are refused with the character named, so the
 * error reads `customer.name: must not contain control characters (found U+0007)`.
 * `line` also refuses tabs and line breaks (names, ids, one-line answers); `text` allows them
 * (notes, addresses, FAQ answers).
 */
function withoutControls(schema: z.ZodString, singleLine: boolean): z.ZodString {
  return schema.refine((value) => findControlCharacter(value, { singleLine }) === null, {
    error: (issue) => {
      const found = typeof issue.input === 'string' ? findControlCharacter(issue.input, { singleLine }) : null;
      const kind = singleLine && found && /^U\+000[9AD]$/.test(found) ? 'tabs or line breaks' : 'control characters';
      return `must not contain ${kind} (found ${found ?? 'one'})`;
    },
  });
}

/** One line of text: a name, a title, a short answer. */
export function plainLine(schema: z.ZodString = z.string({ error: 'must be text' })): z.ZodString {
  return withoutControls(schema, true);
}

/** Free text that may span lines: notes, addresses, reasons, FAQ answers. */
export function plainText(schema: z.ZodString = z.string({ error: 'must be text' })): z.ZodString {
  return withoutControls(schema, false);
}
