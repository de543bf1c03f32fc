// Graceful shutdown of the HTTP server: stop accepting, let requests in flight and requests already
// sent on open connections finish, then close.
import type http from 'node:http';
import net from 'node:net';
import type { Logger } from '../logger.js';

export interface GracefulClose {
  /** True once `close` has been called: every response from then on closes its connection. */
  readonly closing: boolean;
  /** Stops accepting and resolves when every connection has ended (or the grace period cut them). */
  close(): Promise<void>;
}

/**
 * Prepares `server` for a graceful close. Call before it listens. `graceMs` bounds how long
 * requests may still run after `close()`; then their connections are cut.
 */
export function gracefulClose(server: http.Server, { graceMs, log }: { graceMs: number; log: Logger }): GracefulClose {
  let closing = false;
  // While closing, every response closes its connection, so keep-alive clients move off after the
  // answer they are waiting for instead of holding the server open.
  server.prependListener('request', (_req, res) => {
    if (closing) res.setHeader('connection', 'close');
  });
  return {
    get closing() {
      return closing;
    },
    close() {
      closing = true;
      return new Promise<void>((resolve) => {
        const deadline = setTimeout(() => {
          log.warn({ graceMs }, 'Requests still running after the grace period; closing them');
          server.closeAllConnections();
        }, graceMs);
        deadline.unref();
        // net.Server's close, not http.Server's: that one also destroys every keep-alive connection
        // idle at this instant, and a connection looks idle while the request its client has just
        // sent is still unread (ECONNRESET for a request that was sent in time). Instead an idle
        // connection either carries one more request, answered with `Connection: close`, or ends at
        // the keep-alive timeout the server announced, which clients stop reusing it before.
        net.Server.prototype.close.call(server, () => {
          clearTimeout(deadline);
          resolve();
        });
      });
    },
  };
}
