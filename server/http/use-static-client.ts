// Serves the built client (client/dist) at / from the same server as GraphQL.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'graphql-yoga';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

export function useStaticClient(options: { dir: string; reserved: readonly string[] }): Plugin {
  const root = path.resolve(options.dir);
  return {
    async onRequest({ request, url, fetchAPI, endResponse }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (options.reserved.some((prefix) => url.pathname === prefix || url.pathname.startsWith(`${prefix}/`))) return;
      let wanted: string;
      try {
        wanted = decodeURIComponent(url.pathname);
      } catch {
        // A broken percent-escape (`/%`, `/%E0%A4%A`) is the client's error, answered without internals.
        endResponse(
          new fetchAPI.Response('Malformed path: a percent-escape in it is not valid UTF-8.\n', {
            status: 400,
            headers: { 'content-type': 'text/plain; charset=utf-8' },
          }),
        );
        return;
      }
      const file = path.resolve(root, `.${wanted.endsWith('/') ? `${wanted}index.html` : wanted}`);
      // Never serve anything outside client/dist, whatever the path says.
      const inside = file === root || file.startsWith(`${root}${path.sep}`);
      const candidates = inside ? [file, path.join(root, 'index.html')] : [path.join(root, 'index.html')];
      for (const candidate of candidates) {
        try {
          const body = await fs.readFile(candidate);
          const type = TYPES[path.extname(candidate)] ?? 'application/octet-stream';
          const cache = candidate.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache';
          endResponse(
            new fetchAPI.Response(request.method === 'HEAD' ? null : body, {
              status: 200,
              headers: { 'content-type': type, 'cache-control': cache, 'x-content-type-options': 'nosniff' },
            }),
          );
          return;
        } catch {
          // Try the next candidate (the single-page fallback).
        }
      }
      endResponse(
        new fetchAPI.Response('The client is not built yet: run `npm run build` (npm start does it for you).\n', {
          status: 404,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
        }),
      );
    },
  };
}
