// A request id on every log line: taken from the caller's X-Request-Id when it looks like one
// (a proxy's or a client's), otherwise a fresh UUID; echoed in the response header, and put in the
// GraphQL context as `requestId` with a child logger `log` bound to it. One line per request
// (method, path, operation, status, time) and one per unexpected resolver error (its stack stays in
// the log; the client gets the masked message). Headers and variables are never logged, so a bearer
// token cannot reach the log.
import crypto from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../logger.js';

export const REQUEST_ID_HEADER = 'x-request-id';
const VALID_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** What this plugin adds to the GraphQL context. */
export interface RequestLogContext {
  readonly requestId: string;
  readonly log: Logger;
}

interface Entry {
  readonly id: string;
  readonly log: Logger;
  readonly started: number;
  operation?: string | undefined;
}

const entries = new WeakMap<Request, Entry>();

/** The request's child logger (with its id), for plugins that see the request but not the context. */
export function requestLogger(request: Request | undefined): Logger | undefined {
  return request ? entries.get(request)?.log : undefined;
}

export function useRequestLog({ log }: { log: Logger }): Plugin<RequestLogContext> {
  const entryOf = (request: Request): Entry => {
    let entry = entries.get(request);
    if (!entry) {
      const given = request.headers.get(REQUEST_ID_HEADER);
      const id = given !== null && VALID_ID.test(given) ? given : crypto.randomUUID();
      entry = { id, log: log.child({ requestId: id }), started: performance.now() };
      entries.set(request, entry);
    }
    return entry;
  };
  return {
    onRequest({ request }) {
      entryOf(request);
    },
    onParams({ request, params }) {
      entryOf(request).operation = params.operationName ?? undefined;
    },
    onContextBuilding({ context, extendContext }) {
      const request = (context as { request?: Request }).request;
      if (!request) return;
      const entry = entryOf(request);
      extendContext({ requestId: entry.id, log: entry.log });
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      return {
        onExecuteDone({ result }) {
          if (!request || !('errors' in result) || !result.errors) return;
          const entry = entryOf(request);
          for (const error of result.errors) {
            const original = error.originalError;
            // Errors the API means to send (codes, validation) are the client's business; anything
            // else is a fault of ours and is logged with its stack before Yoga masks it.
            if (original && !(original instanceof GraphQLError)) {
              entry.log.error({ err: original, path: error.path?.join('.') }, 'Unexpected error in a resolver');
            }
          }
        },
      };
    },
    onResponse({ request, response }) {
      const entry = entryOf(request);
      response.headers.set(REQUEST_ID_HEADER, entry.id);
      const url = new URL(request.url);
      const quiet = url.pathname === '/health' || url.pathname === '/ready';
      const line = {
        method: request.method,
        path: url.pathname,
        operation: entry.operation,
        status: response.status,
        ms: Math.round(performance.now() - entry.started),
      };
      if (quiet) entry.log.debug(line, 'request');
      else entry.log.info(line, 'request');
    },
  };
}
