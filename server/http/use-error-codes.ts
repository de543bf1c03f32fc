// Every error a client can get carries a code, and the status follows GraphQL over HTTP for
// application/graphql-response+json (errors marked `http.spec` keep 200 for application/json):
// - graphql-js reports bad variable values (wrong type, unknown enum value, missing required)
//   without a code; they are the client's input, so BAD_USER_INPUT, and HTTP 400 (the request
//   fails before execution);
// - when nothing could be answered (data null) because Neo4j is away or a query ran out of time,
//   503 or 504, so a proxy or a client can tell an outage from an answer (a busy 503 says
//   Retry-After: 1);
// - in production, "Did you mean …?" suggestions are cut from every message (variables and enum
//   literals included), since they list the schema that introspection hides.
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const VARIABLE_ERROR = /^Variable "\$[_A-Za-z][_0-9A-Za-z]*" /;
const SUGGESTION = / ?Did you mean .*$/s;
/** The HTTP status of an answer that holds nothing, by code. */
const OUTAGE_STATUS: Readonly<Record<string, number>> = { SERVICE_UNAVAILABLE: 503, TIMEOUT: 504 };

export interface ErrorCodesOptions {
  /** Cut "Did you mean …?" from messages (production). */
  readonly hideSuggestions: boolean;
}

export function useErrorCodes({ hideSuggestions }: ErrorCodesOptions): Plugin {
  const rewrite = (error: GraphQLError, empty: boolean): GraphQLError => {
    let extensions: Record<string, unknown> = error.extensions ?? {};
    const code = extensions.code;
    if (code === undefined && VARIABLE_ERROR.test(error.message)) {
      extensions = { ...extensions, code: 'BAD_USER_INPUT', http: { status: 400, spec: true } };
    }
    const outage = typeof code === 'string' ? OUTAGE_STATUS[code] : undefined;
    if (empty && outage !== undefined && extensions.http === undefined) {
      // Busy (server/db/admission.ts) passes in a moment; an outage may last, so no hint then.
      const headers = extensions.busy === true ? { 'Retry-After': '1' } : undefined;
      extensions = { ...extensions, http: { status: outage, spec: true, ...(headers ? { headers } : {}) } };
    }
    const message = hideSuggestions ? error.message.replace(SUGGESTION, '') : error.message;
    if (extensions === error.extensions && message === error.message) return error;
    return new GraphQLError(message, {
      nodes: error.nodes ?? null,
      source: error.source ?? null,
      positions: error.positions ?? null,
      path: error.path ?? null,
      originalError: error.originalError ?? null,
      extensions,
    });
  };
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || typeof result !== 'object' || result === null || !('errors' in result)) return;
      const errors = result.errors as readonly GraphQLError[] | undefined;
      if (!errors?.length) return;
      const empty = !('data' in result) || result.data === null || result.data === undefined;
      const rewritten = errors.map((e) => (e instanceof GraphQLError ? rewrite(e, empty) : e));
      if (rewritten.every((e, i) => e === errors[i])) return;
      setResult({ ...result, errors: rewritten });
    },
  };
}
