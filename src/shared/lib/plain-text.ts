/**
 * Control characters in stored text. People never mean them (a name with U+0007 in it was
 * pasted from somewhere), and XML 1.0 cannot carry most of them, so one of them in a name or a
 * greeting would make every TwiML document that speaks it invalid.
 *
 * Two policies, used where each fits:
 * - at a boundary where a person can fix the input (tenant file, console, CLI): refuse, naming
 *   the field and the character (`findControlCharacter`);
 * - where refusing would lose data (what a caller said, text already stored) or at render time:
 *   strip (`stripControlCharacters`, `speakable`).
 */

/** C0 and C1 controls and DEL, except tab, line feed and carriage return. */
/* eslint-disable no-control-regex -- matching control characters is the point of this module */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const CONTROL_GLOBAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu;
const LINE_BREAKS = /[\t\n\r]/;

/**
 * What XML 1.0 cannot carry, plus controls it could but a voice should not: C0/C1 controls, DEL,
 * lone surrogate halves, and the noncharacters U+FFFE / U+FFFF.
 */
const NOT_SPEAKABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/* eslint-enable no-control-regex */

/** The first control character in `text` as "U+0007", or null. Tab and line breaks count only when `singleLine`. */
export function findControlCharacter(text: string, options: { singleLine?: boolean } = {}): string | null {
  const match = CONTROL.exec(text) ?? (options.singleLine ? LINE_BREAKS.exec(text) : null);
  if (!match) return null;
  return `U+${(match[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `text` without control characters (tab and line breaks kept). */
export function stripControlCharacters(text: string): string {
  return text.replace(CONTROL_GLOBAL, '');
}

/**
 * Text safe to put in any TwiML or SSML document, whatever is stored: characters XML cannot carry
 * are dropped and line breaks become spaces. Every builder of speech documents passes text through this.
 */
export function speakable(text: string): string {
  return text.replace(NOT_SPEAKABLE, '').replace(/[\t\n\r]+/g, ' ');
}
