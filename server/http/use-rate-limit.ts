// A token bucket per client for the fields that make Neo4j search or read much of the graph: the
// path queries, reading an article, neighbourhoods of depth 2 or more, timelines, the graph, the
// disputes and the analytics (a filter not yet cached reads the whole filtered graph, so varying it
// would otherwise make every request a full read); the table is ROOT_TOKENS in operation-cost.ts,
// which reads the arguments as the resolver gets them (variables and defaults applied). Each such
// field in an operation (aliases count one each) takes a token; tokens refill evenly at
// RATE_LIMIT_PER_MINUTE up to RATE_LIMIT_BURST. An operation that finds too few is refused whole,
// before anything runs, with code RATE_LIMITED, HTTP 429 and a Retry-After header (also in the
// error's extensions as retryAfter, in seconds). Cheap lookups are never counted. The client is its socket address; behind a reverse proxy (TRUST_PROXY=1) the last
// X-Forwarded-For entry, the one the proxy itself appended, so a client cannot pick its own key.
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { RateLimitConfig } from '../config.js';
import { operationCost } from './operation-cost.js';

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

export function useRateLimit({ limit, trustProxy, log, now }: RateLimitOptions): Plugin {
  if (limit.perMinute === 0) return {};
  const buckets = new TokenBuckets(limit, now);
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = operationCost(args.schema, args.document, args.operationName, args.variableValues)?.tokens ?? 0;
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
