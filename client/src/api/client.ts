// The one place that talks HTTP: POST a document to /graphql with fetch, and turn every failure
// into an ApiError whose kind the UI can explain (server down, Neo4j down, bad request).
import type { TypedDocument } from './generated.js';

/** `auth`: a write without a valid API token (UNAUTHENTICATED), or writes refused (FORBIDDEN). */
export type ApiErrorKind = 'network' | 'unavailable' | 'timeout' | 'request' | 'auth' | 'server';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly kind: ApiErrorKind,
    /** For a bad argument: the one the server names (`extensions.argument`, e.g. `ids[3]`). */
    readonly argument: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; argument?: unknown } }[];
}

/** Endpoint of the API; the server serves the client and GraphQL from one origin. */
export const GRAPHQL_ENDPOINT = '/graphql';

/** Sends one generated document; its result and variables are typed by the document itself. */
export async function graphqlRequest<T, V>(
  query: TypedDocument<T, V>,
  variables: V,
  signal?: AbortSignal,
  /** The API token, for writes. */
  token?: string,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      // The client name marks the request as not forgeable by another site (the server's CSRF check).
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'x-graphql-client': 'actor-graph',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('The Actor Graph server cannot be reached.', 'network');
  }
  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    const kind = response.status === 401 || response.status === 403 ? 'auth' : 'server';
    throw new ApiError(`The server answered ${response.status} without a GraphQL result.`, kind);
  }
  const first = body.errors?.[0];
  if (first) {
    const code = first.extensions?.code;
    if (code === 'SERVICE_UNAVAILABLE')
      throw new ApiError('The server cannot reach its Neo4j database.', 'unavailable');
    if (code === 'TIMEOUT') throw new ApiError('The query took too long and was stopped.', 'timeout');
    if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') throw new ApiError(first.message, 'auth');
    if (code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED') {
      const argument = first.extensions?.argument;
      throw new ApiError(first.message, 'request', typeof argument === 'string' ? argument : null);
    }
    throw new ApiError(first.message, 'server');
  }
  if (body.data == null) throw new ApiError(`The server answered ${response.status} with no data.`, 'server');
  return body.data;
}
