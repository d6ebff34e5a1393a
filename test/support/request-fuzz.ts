import fc from 'fast-check';

/**
 * HTTP/1.1 requests as an attacker or a broken client writes them: odd methods, targets with
 * brackets, percent signs, dot segments, absolute forms and raw bytes, wrong versions, and header
 * blocks with duplicated, oversized, missing or contradictory fields. Bodies are always complete
 * for what the headers declare (or declared far over any limit), so every request can be answered.
 */
const TARGET_PIECES = ['/', '//', '[', ']', '%', '%zz', '%00', '%2e%2e', '..', '.', '?', '#', '@', ':', '\\', 'twilio', 'voice', 'gather', 'ws', 'api', 'health', 'index.html', 'assets', '~', '&', '=', ';', "'", '"', '{', '|', '^', '`', 'é', '😀', '*', 'http:', '//evil.example', '[::1]'];

const target = fc.oneof(
  { weight: 5, arbitrary: fc.array(fc.constantFrom(...TARGET_PIECES), { minLength: 1, maxLength: 10 }).map((parts) => (parts[0] === '/' ? '' : '/') + parts.join('')) },
  { weight: 1, arbitrary: fc.constantFrom('*', 'http://[', 'http://127.0.0.1/twilio/voice', 'example.com:443', '', '/'.repeat(3000), `/${'a'.repeat(9000)}`) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 30 }).map((s) => `/${s.replace(/[\r\n ]/g, '')}`) },
);

const method = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'CONNECT', 'TRACE') },
  { weight: 1, arbitrary: fc.constantFrom('get', 'G ET', 'PRI', 'X'.repeat(100), '') },
);

const version = fc.oneof({ weight: 8, arbitrary: fc.constant('HTTP/1.1') }, { weight: 1, arbitrary: fc.constantFrom('HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1x', 'HTTP/9', '', 'http/1.1') });

const headerName = fc.oneof(
  fc.constantFrom('Host', 'Origin', 'Authorization', 'Content-Type', 'Upgrade', 'Connection', 'Sec-WebSocket-Key', 'Sec-WebSocket-Version', 'X-Twilio-Signature', 'I-Twilio-Idempotency-Token', 'Cookie', 'Expect', 'Accept-Encoding', 'Range'),
  fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 12 }).map((s) => s.replace(/[\r\n:]/g, '') || 'X'),
);

const headerValue = fc.oneof(
  fc.constantFrom('127.0.0.1', 'localhost', 'evil.example', 'websocket', 'Upgrade', 'keep-alive', 'close', 'Basic Og==', 'Basic ' + 'A'.repeat(500), '100-continue', 'bytes=0-1', 'dGhlIHNhbXBsZSBub25jZQ==', '13', 'application/x-www-form-urlencoded', ''),
  fc.string({ unit: 'binary-ascii', maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, ' ')),
  fc.constant('x'.repeat(20_000)),
);

/** How the request carries (or claims to carry) a body. */
const bodyFraming = fc.oneof(
  fc.constant({ headers: [] as string[], body: '' }),
  fc.string({ unit: 'binary-ascii', maxLength: 60 }).map((body) => ({ headers: [`Content-Length: ${Buffer.byteLength(body)}`], body })),
  fc.constant({ headers: ['Content-Length: 999999999999'], body: '' }),
  fc.constantFrom('abc', '-1', '1, 2', '0x10', '', '1e3').map((value) => ({ headers: [`Content-Length: ${value}`], body: '' })),
  fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 40 }).map((chunk) => ({
    headers: ['Transfer-Encoding: chunked'],
    body: `${Buffer.byteLength(chunk).toString(16)}\r\n${chunk}\r\n0\r\n\r\n`,
  })),
  fc.constant({ headers: ['Transfer-Encoding: chunked', 'Content-Length: 3'], body: '0\r\n\r\n' }),
  fc.constant({ headers: ['Transfer-Encoding: gzip, chunked'], body: '0\r\n\r\n' }),
  fc.constant({ headers: ['Transfer-Encoding: chunked'], body: 'zz\r\nnot a chunk\r\n0\r\n\r\n' }),
);

/** A whole request for `port`: usually with a sensible Host, sometimes with none, a wrong one or two. */
export function fuzzedRequest(port: number): fc.Arbitrary<string> {
  const host = fc.constantFrom(`Host: 127.0.0.1:${port}\r\n`, `Host: localhost:${port}\r\n`, '', 'Host: evil.example\r\n', `Host: 127.0.0.1:${port}\r\nHost: other\r\n`, 'Host: [\r\n');
  return fc
    .record({
      method,
      target,
      version,
      host,
      headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 6 }),
      framing: bodyFraming,
      lineEnd: fc.constantFrom('\r\n', '\r\n', '\r\n', '\n'),
    })
    .map(({ method: m, target: t, version: v, host: h, headers, framing, lineEnd }) => {
      const lines = [...headers.map(([name, value]) => `${name}: ${value}`), ...framing.headers];
      return `${m} ${t} ${v}${lineEnd}${h}${lines.map((l) => l + lineEnd).join('')}${lineEnd}${framing.body}`;
    });
}
