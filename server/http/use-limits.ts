// Query limits (OWASP GraphQL cheat sheet): depth, aliases, directives, tokens and cost through
// graphql-armor, plus a limit on the length of the query text. The request-body size is Yoga's
// own maxRequestBodySize, set from BODY_BYTES in server/app.ts; batching stays off (Yoga's default).
//
// The numbers come from the client's own documents (client/src/api/operations.ts), measured with
// these same rules (tests/int/harden-limits.int.test.ts sends every one of them through these limits):
//   deepest 5 (Connection), most aliases 2 (Vocabulary), directives 0, most tokens 125,
//   longest 641 characters, highest cost 63 386 (ActorDetail: relationships(first: 500) multiplies).
// Each limit leaves room for hand-written queries in GraphiQL while refusing the shapes that make a
// server do work out of proportion to the request: nested lists with large `first`, alias fan-out,
// megabyte documents.
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GraphQLError } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { Logger } from '../logger.js';
import { requestLogger } from './use-request-log.js';

export const LIMITS = Object.freeze({
  depth: 8,
  aliases: 10,
  directives: 5,
  tokens: 1_000,
  cost: 100_000,
  /** Characters of the query text. */
  characters: 10_000,
  /** Bytes of a request body (a 20 KB bundle fits fifty times). */
  bodyBytes: 1_000_000,
});

export interface LimitsOptions {
  readonly log?: Pick<Logger, 'warn'>;
  /** Hide "Did you mean …?" in validation errors (production). */
  readonly blockFieldSuggestions: boolean;
}

export function useLimits({ log, blockFieldSuggestions }: LimitsOptions): Plugin {
  // Parsing and validation are synchronous, so the logger of the request being checked is set
  // just before them and read by the reject callbacks during them.
  let current: Pick<Logger, 'warn'> | undefined;
  const onReject = [
    (_context: unknown, error: GraphQLError) =>
      (current ?? log)?.warn({ limit: error.message.replace(/^Syntax Error: /, '') }, 'Query refused by a limit'),
  ];
  const enter = (context: unknown) => {
    current = requestLogger((context as { request?: Request }).request);
  };
  const armor = EnvelopArmorPlugin({
    maxDepth: { n: LIMITS.depth, onReject },
    maxAliases: { n: LIMITS.aliases, onReject },
    maxDirectives: { n: LIMITS.directives, onReject },
    maxTokens: { n: LIMITS.tokens, onReject },
    costLimit: { maxCost: LIMITS.cost, onReject },
    blockFieldSuggestion: { enabled: blockFieldSuggestions },
  }) as Plugin;
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(armor);
    },
    onParse({ context }) {
      enter(context);
    },
    onValidate({ context }) {
      enter(context);
    },
    onParams({ params, request }) {
      const length = typeof params.query === 'string' ? params.query.length : 0;
      if (length > LIMITS.characters) {
        (requestLogger(request) ?? log)?.warn({ limit: 'characters', length }, 'Query refused by a limit');
        throw createGraphQLError(
          `The query has ${length} characters; the limit is ${LIMITS.characters}. Send a shorter document.`,
          { extensions: { code: 'QUERY_TOO_LARGE', http: { status: 400 } } },
        );
      }
    },
  };
}
