// Log lines: pretty for a person at a terminal, JSON lines otherwise, LOG_FORMAT to force either;
// secrets redacted in both.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, logFormat } from '../../server/logger.js';

function sink() {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

describe('log format', () => {
  it('is pretty at a terminal and JSON elsewhere, unless LOG_FORMAT says which', () => {
    expect(logFormat('auto', true)).toBe('pretty');
    expect(logFormat('auto', false)).toBe('json');
    expect(logFormat(undefined, true)).toBe('pretty');
    expect(logFormat('json', true)).toBe('json');
    expect(logFormat('pretty', false)).toBe('pretty');
  });

  it('writes one JSON object a line by default, secrets redacted', () => {
    const out = sink();
    createLogger({ logLevel: 'info' }, out.stream).info({ password: 'hunter2-secret', port: 4000 }, 'listening');
    const line = JSON.parse(out.text().trim());
    expect(line).toMatchObject({ level: 30, msg: 'listening', port: 4000, password: '[redacted]', app: 'actor-graph' });
  });

  it('writes readable lines when asked, secrets redacted there too', () => {
    const out = sink();
    const log = createLogger({ logLevel: 'info', logFormat: 'pretty' }, out.stream);
    log.warn({ apiToken: 'tok-very-secret', port: 4000 }, 'listening');
    const text = out.text();
    expect(text).toMatch(/^\[\d\d:\d\d:\d\d\] WARN: listening\n/);
    expect(text).toContain('port: 4000');
    expect(text).not.toContain('tok-very-secret');
    expect(() => JSON.parse(text)).toThrow();
  });
});
