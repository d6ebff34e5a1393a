import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * TwiML as Twilio's voice engine reads it: a `<Response>` root holding verbs it runs top to bottom.
 * Parsing is strict where Twilio fails the call (malformed XML → 12100, wrong root → 12102) and
 * stricter than Twilio where it would only log a warning and carry on (unknown verb, verb nested
 * where it may not be → 12200): a Frontdesk reply that Twilio merely tolerates is still a bug.
 */

export type HttpMethod = 'GET' | 'POST';

export interface GatherVerb {
  verb: 'Gather';
  /** Raw `action`; absent means "the current document URL" (resolved by the player). */
  action: string | undefined;
  method: HttpMethod;
  input: ReadonlySet<'dtmf' | 'speech'>;
  /** Seconds of silence before Twilio gives up on input (default 5). */
  timeout: number;
  speechTimeout: string | undefined;
  finishOnKey: string;
  numDigits: number | undefined;
  hints: string[];
  language: string;
  actionOnEmptyResult: boolean;
  partialResultCallback: string | undefined;
  /** Every attribute as written, for assertions on ones the simulator does not interpret. */
  attributes: Record<string, string>;
  /** Only Say, Play and Pause may be nested (Twilio warning 13320). */
  children: (SayVerb | PlayVerb | PauseVerb)[];
}

export interface SayVerb {
  verb: 'Say';
  /** The spoken text: SSML children flattened to their words, whitespace collapsed. */
  text: string;
  attributes: Record<string, string>;
}
export interface PlayVerb {
  verb: 'Play';
  url: string;
  attributes: Record<string, string>;
}
export interface PauseVerb {
  verb: 'Pause';
  length: number;
}
export interface RedirectVerb {
  verb: 'Redirect';
  url: string;
  method: HttpMethod;
}
export interface DialTarget {
  /** `number` for bare text or `<Number>`; otherwise the noun's name in lower case. */
  kind: 'number' | 'client' | 'sip' | 'conference' | 'queue' | 'application';
  value: string;
  attributes: Record<string, string>;
}
export interface DialVerb {
  verb: 'Dial';
  action: string | undefined;
  method: HttpMethod;
  targets: DialTarget[];
  attributes: Record<string, string>;
}
export interface HangupVerb {
  verb: 'Hangup';
}

/** `<Connect><Stream url>` with its `<Parameter>`s: a bidirectional media stream. */
export interface ConnectStreamVerb {
  verb: 'Connect';
  url: string;
  parameters: Record<string, string>;
  statusCallback: string | undefined;
  statusCallbackMethod: HttpMethod;
  action: string | undefined;
}

export type TwimlVerb = SayVerb | PlayVerb | PauseVerb | GatherVerb | RedirectVerb | DialVerb | HangupVerb | ConnectStreamVerb;

/** Twilio's code for why it could not run a document, with its words for it. */
export class TwimlError extends Error {
  constructor(
    readonly code: 12100 | 12102 | 12200,
    message: string,
  ) {
    super(message);
    this.name = 'TwimlError';
  }
}

/** Real TwiML verbs this simulator does not play; meeting one is a gap in the test double, not an app bug. */
const UNSIMULATED_VERBS = new Set(['Record', 'Enqueue', 'Leave', 'Start', 'Stop', 'Refer', 'Pay', 'Prompt', 'Reject', 'Sms', 'Echo', 'Queue']);

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // TwiML values are strings ("5", "true"); coercion would hide what the app actually wrote.
  parseTagValue: false,
  parseAttributeValue: false,
  // Whitespace around SSML tags separates words ("is <emphasis>Tuesday</emphasis>"), so keep it and collapse later.
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // XML's numeric character references (&#39; from many TwiML builders) must decode, which this switch enables.
  htmlEntities: true,
});

/**
 * XML 1.0 allows tab, line feed, carriage return and U+0020 up (minus lone surrogates and
 * U+FFFE/U+FFFF), written or as a character reference. fast-xml-parser does not check this;
 * Twilio's parser does, and fails the call.
 */
// eslint-disable-next-line no-control-regex -- finding the characters XML forbids is the point
const NOT_XML_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|&#(?:0*(?:[0-8]|1[124-9]|2\d|3[01])|x0*(?:[0-8bcBC]|1[0-9a-fA-F]|[fF]{4}|[fF]{3}[eE]|[dD][89a-fA-F][0-9a-fA-F]{2}));/;

/** A description of the first character XML 1.0 cannot carry in `xml`, or null. */
export function invalidXmlCharacter(xml: string): string | null {
  const match = NOT_XML_CHARACTER.exec(xml);
  if (!match) return null;
  const found = match[0].length === 1 ? `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : match[0];
  return `${found} at index ${match.index}`;
}

export function parseTwiml(xml: string): TwimlVerb[] {
  const badCharacter = invalidXmlCharacter(xml);
  if (badCharacter) throw new TwimlError(12100, `Document parse failure: not a valid XML character (${badCharacter})`);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new TwimlError(12100, `Document parse failure: ${valid.err.msg} (line ${valid.err.line}, col ${valid.err.col})`);
  }
  const roots = (parser.parse(xml) as XmlNode[]).filter((node) => nameOf(node) !== '#text' || textOf(node) !== '');
  const root = roots[0];
  if (roots.length !== 1 || !root || nameOf(root) !== 'Response') {
    throw new TwimlError(12102, `The root element must be Response (got ${roots.map(nameOf).join(', ') || 'nothing'})`);
  }
  return verbNodesOf(root).map((node) => toVerb(node, 'Response'));
}

function nameOf(node: XmlNode): string {
  return Object.keys(node).find((key) => key !== ':@') ?? '';
}

function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[nameOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

/** Children that matter between verbs: indentation and newlines are not stray text. */
function verbNodesOf(node: XmlNode): XmlNode[] {
  return childrenOf(node).filter((child) => nameOf(child) !== '#text' || textOf(child) !== '');
}

function attrsOf(node: XmlNode): Record<string, string> {
  return { ...(node[':@'] ?? {}) };
}

/** All text below a node, so `<Say>Hi <break/> <emphasis>there</emphasis></Say>` reads "Hi there". */
function textOf(node: XmlNode): string {
  const name = nameOf(node);
  const raw = name === '#text' ? String(node['#text'] ?? '') : childrenOf(node).map(rawTextOf).join('');
  return raw.replace(/\s+/g, ' ').trim();
}

function rawTextOf(node: XmlNode): string {
  return nameOf(node) === '#text' ? String(node['#text'] ?? '') : childrenOf(node).map(rawTextOf).join('');
}

function methodOf(attrs: Record<string, string>, where: string): HttpMethod {
  const method = (attrs['method'] ?? 'POST').toUpperCase();
  if (method !== 'GET' && method !== 'POST') throw new TwimlError(12200, `${where}: method must be GET or POST, got "${attrs['method']}"`);
  return method;
}

function positiveNumber(raw: string | undefined, fallback: number, where: string): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new TwimlError(12200, `${where} must be a non-negative number, got "${raw}"`);
  return n;
}

function toVerb(node: XmlNode, parent: string): TwimlVerb {
  const name = nameOf(node);
  const attrs = attrsOf(node);
  switch (name) {
    case '#text':
      throw new TwimlError(12200, `Stray text inside <${parent}>: "${textOf(node)}"`);
    case 'Say':
      return { verb: 'Say', text: textOf(node), attributes: attrs };
    case 'Play':
      return { verb: 'Play', url: textOf(node), attributes: attrs };
    case 'Pause':
      return { verb: 'Pause', length: positiveNumber(attrs['length'], 1, '<Pause length>') };
    case 'Hangup':
      return { verb: 'Hangup' };
    case 'Redirect': {
      const url = textOf(node);
      if (!url) throw new TwimlError(12200, '<Redirect> needs a URL');
      return { verb: 'Redirect', url, method: methodOf(attrs, '<Redirect>') };
    }
    case 'Gather':
      if (parent !== 'Response') break;
      return toGather(node, attrs);
    case 'Dial':
      if (parent !== 'Response') break;
      return toDial(node, attrs);
    case 'Connect':
      if (parent !== 'Response') break;
      return toConnect(node, attrs);
    default:
      if (UNSIMULATED_VERBS.has(name)) {
        throw new Error(`SimulatedTwilio does not simulate <${name}>; extend test/support/twilio to cover it`);
      }
      throw new TwimlError(12200, `Schema validation: unknown verb <${name}> in <${parent}> (TwiML is case-sensitive)`);
  }
  throw new TwimlError(12200, `Schema validation: <${name}> cannot be nested in <${parent}>`);
}

function toGather(node: XmlNode, attrs: Record<string, string>): GatherVerb {
  const input = new Set<'dtmf' | 'speech'>();
  for (const part of (attrs['input'] ?? 'dtmf').split(/\s+/).filter(Boolean)) {
    if (part !== 'dtmf' && part !== 'speech') throw new TwimlError(12200, `<Gather input> must be dtmf, speech or "dtmf speech", got "${attrs['input']}"`);
    input.add(part);
  }
  const children = verbNodesOf(node).map((child) => {
    const verb = toVerb(child, 'Gather');
    if (verb.verb !== 'Say' && verb.verb !== 'Play' && verb.verb !== 'Pause') {
      throw new TwimlError(12200, `Gather: invalid nested verb <${verb.verb}> (only Say, Play and Pause may be nested)`);
    }
    return verb;
  });
  const aoer = attrs['actionOnEmptyResult'];
  if (aoer !== undefined && aoer !== 'true' && aoer !== 'false') throw new TwimlError(12200, `<Gather actionOnEmptyResult> must be true or false, got "${aoer}"`);
  return {
    verb: 'Gather',
    action: attrs['action'],
    method: methodOf(attrs, '<Gather>'),
    input,
    timeout: positiveNumber(attrs['timeout'], 5, '<Gather timeout>'),
    speechTimeout: attrs['speechTimeout'],
    finishOnKey: attrs['finishOnKey'] ?? '#',
    numDigits: attrs['numDigits'] === undefined ? undefined : positiveNumber(attrs['numDigits'], 0, '<Gather numDigits>'),
    hints: (attrs['hints'] ?? '')
      .split(',')
      .map((hint) => hint.trim())
      .filter(Boolean),
    language: attrs['language'] ?? 'en-US',
    actionOnEmptyResult: aoer === 'true',
    partialResultCallback: attrs['partialResultCallback'],
    attributes: attrs,
    children,
  };
}

const DIAL_NOUNS: Record<string, DialTarget['kind']> = {
  Number: 'number',
  Client: 'client',
  Sip: 'sip',
  Conference: 'conference',
  Queue: 'queue',
  Application: 'application',
};

function toDial(node: XmlNode, attrs: Record<string, string>): DialVerb {
  const targets: DialTarget[] = [];
  for (const child of verbNodesOf(node)) {
    const name = nameOf(child);
    if (name === '#text') {
      targets.push({ kind: 'number', value: textOf(child), attributes: {} });
      continue;
    }
    const kind = DIAL_NOUNS[name];
    if (!kind) throw new TwimlError(12200, `Schema validation: <${name}> cannot be nested in <Dial>`);
    targets.push({ kind, value: textOf(child), attributes: attrsOf(child) });
  }
  if (targets.length === 0) throw new TwimlError(12200, '<Dial> has nothing to dial');
  return { verb: 'Dial', action: attrs['action'], method: methodOf(attrs, '<Dial>'), targets, attributes: attrs };
}

function toConnect(node: XmlNode, attrs: Record<string, string>): ConnectStreamVerb {
  const nouns = verbNodesOf(node).filter((child) => nameOf(child) !== '#text' || textOf(child) !== '');
  const stream = nouns[0];
  if (nouns.length !== 1 || !stream || nameOf(stream) !== 'Stream') {
    throw new Error('SimulatedTwilio simulates <Connect> only with one <Stream>; extend test/support/twilio to cover the rest');
  }
  const streamAttrs = attrsOf(stream);
  const url = streamAttrs['url'];
  if (!url || !/^wss?:\/\//.test(url)) throw new TwimlError(12200, `<Stream url> must be a ws(s):// URL, got "${url ?? ''}"`);
  if (new URL(url).search) throw new TwimlError(12200, '<Stream url> must not carry a query string (Twilio drops it): pass values as <Parameter>s');
  const parameters: Record<string, string> = {};
  for (const child of verbNodesOf(stream)) {
    if (nameOf(child) === '#text') continue;
    if (nameOf(child) !== 'Parameter') throw new TwimlError(12200, `<${nameOf(child)}> cannot be nested in <Stream>`);
    const p = attrsOf(child);
    if (!p['name'] || p['value'] === undefined) throw new TwimlError(12200, '<Parameter> needs a name and a value');
    if (p['name'].length + p['value'].length >= 500) throw new TwimlError(12200, '<Parameter> name and value must be under 500 characters');
    parameters[p['name']] = p['value'];
  }
  return {
    verb: 'Connect',
    url,
    parameters,
    statusCallback: streamAttrs['statusCallback'],
    statusCallbackMethod: methodOf({ method: streamAttrs['statusCallbackMethod'] ?? 'POST' }, '<Stream statusCallbackMethod>'),
    action: attrs['action'],
  };
}
