// Writes need `Authorization: Bearer <API_TOKEN>`; reads are public. While API_TOKEN is unset,
// every write is refused with a message saying how to enable writes.
import crypto from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Context } from './context.js';

const digest = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest();

/** True when `presented` equals `expected`, in time that does not depend on where they differ. */
export function tokenMatches(presented: string, expected: string): boolean {
  // Equal-length digests: timingSafeEqual needs equal lengths, and the length leaks nothing.
  return crypto.timingSafeEqual(digest(presented), digest(expected));
}

/** The name review decisions record for a writer: the server has one token, so one name. */
export const WRITER_NAME = 'api';

/**
 * Throws FORBIDDEN when writes are disabled, UNAUTHENTICATED without the right bearer token;
 * returns the writer's name (what review decisions record as decidedBy).
 */
export function requireWriter(context: Pick<Context, 'config' | 'request'>): string {
  const expected = context.config.apiToken;
  if (expected === undefined) {
    throw new GraphQLError(
      'Writes are disabled on this server: set API_TOKEN in its environment and send it as "Authorization: Bearer <token>".',
      { extensions: { code: 'FORBIDDEN' } },
    );
  }
  const header = context.request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    throw new GraphQLError('This mutation needs "Authorization: Bearer <token>" (the server\'s API_TOKEN).', {
      extensions: { code: 'UNAUTHENTICATED' },
    });
  }
  if (!tokenMatches(match[1], expected)) {
    throw new GraphQLError('The bearer token is not valid for this server.', {
      extensions: { code: 'UNAUTHENTICATED' },
    });
  }
  return WRITER_NAME;
}
