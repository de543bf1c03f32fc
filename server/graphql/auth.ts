// Writes need `Authorization: Bearer <secret>` of a configured token (API_TOKEN, API_TOKENS);
// reads are public. With no token configured, every write is refused with a message saying how to
// enable writes. The token's name is who the review decisions record (decidedBy).
import crypto from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { ApiToken } from '../config.js';
import type { Context } from './context.js';

const digest = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest();

/** True when `presented` equals `expected`, in time that does not depend on where they differ. */
export function tokenMatches(presented: string, expected: string): boolean {
  // Equal-length digests: timingSafeEqual needs equal lengths, and the length leaks nothing.
  return crypto.timingSafeEqual(digest(presented), digest(expected));
}

/**
 * The name of the token `presented` is, or null. Every configured token is compared, whichever
 * matches, so the time taken says nothing about which one did or how many came before it.
 */
export function writerOf(
  presented: string,
  tokens: readonly ApiToken[],
  matches: (presented: string, expected: string) => boolean = tokenMatches,
): string | null {
  let name: string | null = null;
  for (const token of tokens) {
    const match = matches(presented, token.secret);
    if (match && name === null) name = token.name;
  }
  return name;
}

/**
 * Throws FORBIDDEN when writes are disabled, UNAUTHENTICATED without a configured bearer token;
 * returns the writer's name (what review decisions record as decidedBy).
 */
export function requireWriter(context: Pick<Context, 'config' | 'request'>): string {
  const tokens = context.config.apiTokens;
  if (tokens.length === 0) {
    throw new GraphQLError(
      'Writes are disabled on this server: set API_TOKEN (or API_TOKENS, as name:secret pairs) in its environment and send the secret as "Authorization: Bearer <token>".',
      { extensions: { code: 'FORBIDDEN' } },
    );
  }
  const header = context.request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    throw new GraphQLError(
      'This mutation needs "Authorization: Bearer <token>" (a token of the server\'s API_TOKEN or API_TOKENS).',
      { extensions: { code: 'UNAUTHENTICATED' } },
    );
  }
  const name = writerOf(match[1], tokens);
  if (name === null) {
    throw new GraphQLError('The bearer token is not valid for this server.', {
      extensions: { code: 'UNAUTHENTICATED' },
    });
  }
  return name;
}
