// CSRF prevention for GraphQL over HTTP, after Yoga's own plugin (which is not a dependency here).
// A browser sends a cross-site request without a CORS preflight only when it is "simple": GET, or a
// POST whose content type is text/plain, application/x-www-form-urlencoded or multipart/form-data.
// Such requests must carry one of the headers below, which a page on another site cannot add
// without a preflight (and the preflight is refused unless its origin is in CORS_ORIGINS).
// A POST with content-type application/json is never simple, so the client's fetch passes either
// way; it sends `x-graphql-client: actor-graph` all the same.
import { createGraphQLError, type Plugin } from 'graphql-yoga';

export const CSRF_HEADERS = ['x-graphql-client', 'x-graphql-yoga-csrf', 'graphql-preflight'] as const;
const SIMPLE_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'];

export function isSimpleRequest(request: Request): boolean {
  if (request.method === 'GET' || request.method === 'HEAD') return true;
  if (request.method !== 'POST') return false;
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === '' || SIMPLE_TYPES.includes(type);
}

/** A path with runs of slashes collapsed and no trailing slash: how Yoga's endpoint match sees it. */
const normalized = (pathname: string) => pathname.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1');

export function useCsrfPrevention({ endpoint }: { endpoint: string }): Plugin {
  return {
    // Yoga also answers spellings of the endpoint such as `/graphql/` and `//graphql`; only the one
    // path is served, so the check below covers every request that reaches GraphQL.
    onRequest({ url, fetchAPI, endResponse }) {
      if (url.pathname !== endpoint && normalized(url.pathname) === endpoint) {
        endResponse(
          new fetchAPI.Response(`GraphQL is served at ${endpoint} only.\n`, {
            status: 404,
            headers: { 'content-type': 'text/plain; charset=utf-8' },
          }),
        );
      }
    },
    onRequestParse({ request }) {
      if (new URL(request.url).pathname !== endpoint) return;
      if (!isSimpleRequest(request)) return;
      if (CSRF_HEADERS.some((name) => request.headers.has(name))) return;
      throw createGraphQLError(
        `This request could be forged by another site: send it with content-type application/json, or add the header "${CSRF_HEADERS[0]}: <your client name>".`,
        { extensions: { code: 'CSRF_REFUSED', http: { status: 403 } } },
      );
    },
  };
}
