// A token bucket per client for the fields that make Neo4j search: the path queries, reading an
// article, neighbourhoods of depth 2 or more, and the analytics (a filter not yet cached reads the whole
// filtered graph, so varying it would otherwise make every request a full read). Each such field in an operation (aliases count one each) takes
// a token; tokens refill evenly at RATE_LIMIT_PER_MINUTE up to RATE_LIMIT_BURST. An operation that
// finds too few is refused whole, before anything runs, with code RATE_LIMITED, HTTP 429 and a
// Retry-After header (also in the error's extensions as retryAfter, in seconds). Cheap lookups are
// never counted. The client is its socket address; behind a reverse proxy (TRUST_PROXY=1) the last
// X-Forwarded-For entry, the one the proxy itself appended, so a client cannot pick its own key.
import { type DocumentNode, Kind, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { RateLimitConfig } from '../config.js';

/** Root fields that always cost a token: the path searches, and reading an article. */
export const PATH_FIELDS = new Set(['shortestPath', 'allShortestPaths', 'paths', 'connection', 'extract']);
/** Root fields of the alliance analytics (docs/alliances.md), one token each. */
export const ANALYTICS_FIELDS = new Set(['alliances', 'centrality', 'dyad']);
/** neighborhood costs a token from this depth on. */
export const DEEP_NEIGHBORHOOD = 2;

export interface RateLimitOptions {
  readonly limit: RateLimitConfig;
  readonly trustProxy: boolean;
  readonly log?: { warn(object: object, message: string): void };
  /** Clock in ms; tests pass their own. */
  readonly now?: () => number;
}

interface Bucket {
  tokens: number;
  updated: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    private readonly limit: RateLimitConfig,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = limit.perMinute / 60_000;
  }

  /** Takes `cost` tokens for `key`; returns 0 when granted, else the seconds until they would be. */
  take(key: string, cost: number): number {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, updated: now };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + (now - bucket.updated) * this.perMs);
    bucket.updated = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 10_000) this.sweep(now);
    if (cost > this.limit.burst) return Math.ceil(60 * (cost / this.limit.perMinute));
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return 0;
    }
    return Math.max(1, Math.ceil((cost - bucket.tokens) / this.perMs / 1000));
  }

  /** Forgets clients whose bucket has refilled: they would start full anyway. */
  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updated) * this.perMs >= this.limit.burst) this.buckets.delete(key);
    }
  }
}

/** The address a request comes from, for rate limiting. */
export function clientAddress(request: Request, serverContext: unknown, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for');
    const last = forwarded?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  const req = (serverContext as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req;
  return req?.socket?.remoteAddress ?? 'unknown';
}

/** How many tokens an operation takes: one per path field, one per deep neighbourhood. */
export function operationCost(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): number {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (operation?.operation !== 'query') return 0;
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const intValue = (node: ValueNode | undefined, fallback: number): number => {
    if (!node) return fallback;
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind === Kind.VARIABLE) {
      const value = variables?.[node.name.value];
      return typeof value === 'number' ? value : fallback;
    }
    return fallback;
  };
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (PATH_FIELDS.has(name) || ANALYTICS_FIELDS.has(name)) cost += 1;
        else if (name === 'neighborhood') {
          const depth = intValue(selection.arguments?.find((a) => a.name.value === 'depth')?.value, 1);
          if (depth >= DEEP_NEIGHBORHOOD) cost += 1;
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        cost += walk(selection.selectionSet);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) {
          seen.add(fragment.name.value);
          cost += walk(fragment.selectionSet);
        }
      }
    }
    return cost;
  };
  return walk(operation.selectionSet);
}

export function useRateLimit({ limit, trustProxy, log, now }: RateLimitOptions): Plugin {
  if (limit.perMinute === 0) return {};
  const buckets = new TokenBuckets(limit, now);
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = operationCost(args.document, args.operationName, args.variableValues);
      if (cost === 0) return;
      const context = args.contextValue as { request?: Request; requestId?: string };
      if (!context.request) return;
      const key = clientAddress(context.request, context, trustProxy);
      const retryAfter = buckets.take(key, cost);
      if (retryAfter === 0) return;
      log?.warn({ client: key, cost, retryAfter }, 'Rate limit: expensive query refused');
      setResultAndStopExecution({
        errors: [
          createGraphQLError(
            `Too many path or deep neighbourhood queries from this client (limit ${limit.perMinute} a minute, ${limit.burst} at once); retry in ${retryAfter} s.`,
            {
              extensions: {
                code: 'RATE_LIMITED',
                retryAfter,
                http: { status: 429, headers: { 'Retry-After': String(retryAfter) } },
              },
            },
          ),
        ],
      });
    },
  };
}
