// The request-body limit (LIMITS.bodyBytes), in place of Yoga's maxRequestBodySize, which pipes
// every body through a web TransformStream to count its bytes: about a quarter of the GraphQL
// layer's CPU on a small query (docs/benchmarks.md). A body is counted only where its length is
// not already bounded: over node:http with a valid Content-Length, Node's parser reads exactly
// that many bytes (more would be the next request on the connection), so the header suffices;
// a chunked body, or a Request handed to app.fetch, is counted as it is read.
import { createGraphQLError, type Plugin } from 'graphql-yoga';

const CONTENT_LENGTH = /^\d+$/;

const tooLarge = (limit: number) =>
  createGraphQLError(`Request body too large: the limit is ${limit} bytes.`, {
    extensions: { code: 'REQUEST_ENTITY_TOO_LARGE', http: { status: 413 } },
  });

/** True when the request came through node:http, whose parser holds a body to its Content-Length. */
const overNodeHttp = (serverContext: unknown) =>
  typeof (serverContext as { req?: { socket?: unknown } } | undefined)?.req?.socket === 'object';

export function useBodyLimit(limit: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, serverContext, fetchAPI }) {
      const header = request.headers.get('content-length');
      if (header !== null) {
        // One non-negative integer; anything else (a list, as in request smuggling) is refused.
        if (!CONTENT_LENGTH.test(header)) {
          throw createGraphQLError('The Content-Length header is not a single non-negative integer.', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
        if (Number(header) > limit) throw tooLarge(limit);
        if (overNodeHttp(serverContext)) return;
      }
      if (requestParser === undefined || request.body === null) return;
      const parse = requestParser;
      setRequestParser((req) => {
        if (req.body === null) return parse(req);
        let bytes = 0;
        const Transform = req.body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
        const counted = req.body.pipeThrough(
          new Transform({
            transform(chunk: Uint8Array, controller) {
              bytes += chunk.byteLength;
              if (bytes > limit) controller.error(tooLarge(limit));
              else controller.enqueue(chunk);
            },
          }),
        );
        return parse(
          new fetchAPI.Request(req.url, {
            method: req.method,
            headers: req.headers,
            signal: req.signal,
            body: counted,
            // @ts-expect-error: a streamed body needs duplex 'half', which lib.dom's RequestInit lacks
            duplex: 'half',
          }),
        );
      });
    },
  };
}
