// gracefulClose against a real HTTP server on a free port: a request a keep-alive client has already
// sent, which the server has not read yet, is answered in full when the close begins; so is one sent
// later on a connection that was idle at the close. No Neo4j: the race is in the HTTP layer.
import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { gracefulClose } from '../../server/http/graceful-close.js';
import { createLogger } from '../../server/logger.js';

const log = createLogger({ logLevel: 'silent', logFormat: 'json' } as never);
const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0)) f();
});

async function listening() {
  const server = http.createServer((req, res) => res.end(`answer to ${req.url}`));
  const close = gracefulClose(server, { graceMs: 10_000, log });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => server.closeAllConnections());
  return { server, close, port: (server.address() as net.AddressInfo).port };
}

/** A raw keep-alive client: one socket, requests written as bytes, responses read whole. */
async function client(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  cleanup.push(() => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let buffer = '';
  let waiting: ((text: string) => void) | undefined;
  const outcome: { error?: string; ended: boolean } = { ended: false };
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    const end = buffer.indexOf('\r\n\r\n');
    const length = Number(/content-length: (\d+)/i.exec(buffer)?.[1] ?? Number.NaN);
    if (end >= 0 && buffer.length >= end + 4 + length && waiting) {
      const text = buffer.slice(0, end + 4 + length);
      buffer = buffer.slice(text.length);
      waiting(text);
    }
  });
  socket.on('error', (error) => {
    outcome.error = (error as NodeJS.ErrnoException).code ?? String(error);
  });
  socket.on('close', () => {
    outcome.ended = true;
    waiting?.(`closed${outcome.error ? ` (${outcome.error})` : ''}`);
  });
  return {
    outcome,
    /** Writes the request now (the bytes are in the kernel when this returns). */
    send(pathname: string): Promise<string> {
      const answer = new Promise<string>((resolve) => {
        waiting = resolve;
      });
      socket.write(`GET ${pathname} HTTP/1.1\r\nHost: test\r\nConnection: keep-alive\r\n\r\n`);
      return answer;
    },
  };
}

describe('graceful close', () => {
  it('answers a request already sent on a keep-alive connection when the close begins', async () => {
    const { close, port } = await listening();
    const c = await client(port);
    expect(await c.send('/first')).toMatch(/answer to \/first$/);
    // The server now sees this connection idle. The next request is written, and the close begins
    // before the server has had a turn to read it.
    const second = c.send('/second');
    const closed = close.close();
    const text = await second;
    expect(text).toMatch(/^HTTP\/1.1 200/);
    expect(text).toMatch(/connection: close/i);
    expect(text).toMatch(/answer to \/second$/);
    await closed;
    expect(c.outcome.error).toBeUndefined();
  });

  it('answers a request sent later on a connection idle at the close, and ends idle connections at the keep-alive timeout', async () => {
    const { server, close, port } = await listening();
    server.keepAliveTimeout = 400;
    const busy = await client(port);
    const quiet = await client(port);
    expect(await busy.send('/a')).toMatch(/answer to \/a$/);
    expect(await quiet.send('/b')).toMatch(/answer to \/b$/);
    const closed = close.close();
    expect(close.closing).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    const later = await busy.send('/c');
    expect(later).toMatch(/connection: close/i);
    expect(later).toMatch(/answer to \/c$/);
    // The quiet client never asks again: the server ends its connection, and then the close is done.
    await closed;
    await vi.waitFor(() => expect(quiet.outcome.ended).toBe(true));
    expect(busy.outcome.error).toBeUndefined();
    expect(quiet.outcome.error).toBeUndefined();
    await expect(client(port)).rejects.toThrow(/ECONNREFUSED/);
  });
});
