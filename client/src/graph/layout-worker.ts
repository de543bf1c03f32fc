// The layout Web Worker: fcose runs here, off the page's thread, so the page keeps answering while
// a big graph is placed. One request in, its positions (or the error's message) out.
import { computeLayout } from './layout.js';
import type { LayoutRequest, Positions } from './layout-request.js';

export type LayoutReply = { id: number; positions: Positions } | { id: number; error: string };

const scope = self as unknown as { onmessage: ((e: MessageEvent) => void) | null; postMessage(m: LayoutReply): void };

scope.onmessage = (event: MessageEvent<{ id: number; request: LayoutRequest }>) => {
  const { id, request } = event.data;
  computeLayout(request).then(
    (positions) => scope.postMessage({ id, positions }),
    (error: unknown) => scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
};
