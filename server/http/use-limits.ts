// Query limits (OWASP GraphQL cheat sheet): depth, aliases, directives and tokens through
// graphql-armor, the length of the query text, and the cost: how many values the response can
// hold, estimated with variables and defaults applied (operation-cost.ts), checked before execution. The request-body size is Yoga's
// own maxRequestBodySize, set from BODY_BYTES in server/app.ts; batching stays off (Yoga's default).
//
// The numbers come from the client's own documents (client/src/api/operations.ts), measured with
// these same rules (tests/int/harden-limits.int.test.ts sends every one of them through these limits):
//   deepest 5 (Connection), most aliases 2 (Vocabulary), directives 0, most tokens 125,
//   longest 641 characters, highest cost 360 001 (Graph at graph(limit: 5000), its most).
// Each limit leaves room for hand-written queries in GraphiQL while refusing the shapes that make a
// server do work out of proportion to the request: nested lists with large `first`, alias fan-out,
// megabyte documents.
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GraphQLError } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { Logger } from '../logger.js';
import { operationCost } from './operation-cost.js';
import { requestLogger } from './use-request-log.js';

export const LIMITS = Object.freeze({
  depth: 8,
  aliases: 10,
  directives: 5,
  tokens: 1_000,
  /** Values a response may hold (operation-cost.ts); the client's Graph at limit 5000 is 360 001. */
  cost: 400_000,
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
  // just before them and read by the reject callbacks during them. Each refusal is thrown here,
  // not by graphql-armor, so that it carries a code and, for application/graphql-response+json,
  // HTTP 400 (a request that fails validation); armor's own errors have neither.
  let current: Pick<Logger, 'warn'> | undefined;
  const refuse = (limit: 'depth' | 'aliases' | 'directives' | 'tokens') => [
    (_context: unknown, error: GraphQLError) => {
      const message = error.message.replace(/^Syntax Error: /, '');
      (current ?? log)?.warn({ limit: message }, 'Query refused by a limit');
      throw createGraphQLError(message, {
        extensions: { code: 'QUERY_LIMIT', limit, http: { status: 400, spec: true } },
      });
    },
  ];
  const enter = (context: unknown) => {
    current = requestLogger((context as { request?: Request }).request);
  };
  const armor = EnvelopArmorPlugin({
    maxDepth: { n: LIMITS.depth, onReject: refuse('depth'), propagateOnRejection: false },
    maxAliases: { n: LIMITS.aliases, onReject: refuse('aliases'), propagateOnRejection: false },
    maxDirectives: { n: LIMITS.directives, onReject: refuse('directives'), propagateOnRejection: false },
    maxTokens: { n: LIMITS.tokens, onReject: refuse('tokens'), propagateOnRejection: false },
    costLimit: { enabled: false },
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
    onExecute({ args, setResultAndStopExecution }) {
      const cost = operationCost(args.schema, args.document, args.operationName, args.variableValues);
      if (!cost || cost.values <= LIMITS.cost) return;
      const request = (args.contextValue as { request?: Request }).request;
      (requestLogger(request) ?? log)?.warn({ limit: 'cost', estimate: cost.values }, 'Query refused by a limit');
      setResultAndStopExecution({
        errors: [
          createGraphQLError(
            `The query could return about ${cost.values} values; the budget is ${LIMITS.cost}. ` +
              'Ask for smaller pages (first, limit) or fewer nested lists.',
            {
              extensions: {
                code: 'COST_LIMIT',
                estimate: cost.values,
                budget: LIMITS.cost,
                http: { status: 400, spec: true },
              },
            },
          ),
        ],
      });
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
