// The executor's error translation (each Neo4j failure a client can act on becomes one of our
// codes; anything else passes through, to be masked) and its timeout classes. No database.
import { GraphQLError } from 'graphql';
import neo4j, { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { TIMEOUTS, timeoutClass, translateError } from '../../server/db/executor.js';

const call = { operation: 'actor', class: 'lookup' } as const;
/** A driver error as the driver raises it, with Neo4j's status code. */
const neo4jError = (message: string, code: string) =>
  new Neo4jError(message, code, '50N42', 'general processing exception');
const codeOf = (error: unknown) => (error instanceof GraphQLError ? error.extensions.code : undefined);

describe('translateError', () => {
  it('turns the driver and server codes of an absent database into SERVICE_UNAVAILABLE', () => {
    for (const code of [
      neo4j.error.SERVICE_UNAVAILABLE,
      neo4j.error.SESSION_EXPIRED,
      'Neo.TransientError.General.DatabaseUnavailable',
    ]) {
      const translated = translateError(neo4jError('gone', code), call);
      expect(codeOf(translated), code).toBe('SERVICE_UNAVAILABLE');
      expect((translated as GraphQLError).message).toBe('The database is unavailable right now; try again shortly.');
      expect((translated as GraphQLError).extensions.operation).toBe('actor');
    }
    // A pool without a free connection is busy, not down: the same code, said as such and marked
    // so that the executor does not take Neo4j for gone.
    const busy = translateError(new Error('Connection acquisition timed out in 5000 ms.'), call) as GraphQLError;
    expect(codeOf(busy)).toBe('SERVICE_UNAVAILABLE');
    expect(busy.message).toBe('The database is busy right now (no free connection); try again shortly.');
    expect(busy.extensions.busy).toBe(true);
    for (const message of [
      'Could not perform discovery. No routing servers available.',
      'Failed to connect to server: connect ECONNREFUSED 127.0.0.1:7687',
    ]) {
      expect(codeOf(translateError(new Error(message), call)), message).toBe('SERVICE_UNAVAILABLE');
    }
  });

  it('turns a transaction timeout into TIMEOUT, naming the limit of the class the call ran under', () => {
    for (const code of [
      'Neo.ClientError.Transaction.TransactionTimedOut',
      'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
    ]) {
      const lookup = translateError(neo4jError('too slow', code), call) as GraphQLError;
      expect(lookup.extensions.code).toBe('TIMEOUT');
      expect(lookup.message).toBe(
        `The query ran longer than its limit of ${TIMEOUTS.lookup} ms and was stopped; narrow it down.`,
      );
    }
    const write = translateError(neo4jError('too slow', 'Neo.ClientError.Transaction.TransactionTimedOut'), {
      operation: 'upsert',
      class: 'write',
    }) as GraphQLError;
    expect(write.message).toContain(`limit of ${TIMEOUTS.write} ms`);
  });

  it('turns a write past the transaction memory limit into TOO_LARGE, saying nothing was written and what to do', () => {
    const translated = translateError(
      neo4jError(
        'The allocation of an extra 21.9 MiB would use more than the limit 4.2 GiB.',
        'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
      ),
      { operation: 'import-bundle', class: 'import' },
    ) as GraphQLError;
    expect(translated.extensions).toEqual({ code: 'TOO_LARGE', operation: 'import-bundle' });
    expect(translated.message).toContain('nothing of it was written');
    expect(translated.message).toContain('NEO4J_HEAP');
  });

  it('turns a broken uniqueness constraint into CONFLICT', () => {
    const translated = translateError(
      neo4jError('already exists', 'Neo.ClientError.Schema.ConstraintValidationFailed'),
      call,
    ) as GraphQLError;
    expect(translated.extensions.code).toBe('CONFLICT');
    expect(translated.message).not.toContain('already exists'); // Neo4j's text names labels and values
  });

  it('passes our own errors and every unknown failure through unchanged', () => {
    const ours = new GraphQLError('x: bad', { extensions: { code: 'BAD_USER_INPUT' } });
    expect(translateError(ours, call)).toBe(ours);
    const syntax = neo4jError('Invalid input', 'Neo.ClientError.Statement.SyntaxError');
    expect(translateError(syntax, call)).toBe(syntax);
    const plain = new TypeError('cannot read x of undefined');
    expect(translateError(plain, call)).toBe(plain);
    expect(translateError(null, call)).toBeNull();
    expect(translateError('a string', call)).toBe('a string');
  });
});

describe('timeoutClass', () => {
  it('is the call’s own class, else lookup for reads and write for writes', () => {
    expect(timeoutClass({ operation: 'x' }, 'read')).toBe('lookup');
    expect(timeoutClass({ operation: 'x' }, 'write')).toBe('write');
    expect(timeoutClass({ operation: 'x', class: 'import' }, 'write')).toBe('import');
    expect(timeoutClass({ operation: 'x', class: 'path' }, 'read')).toBe('path');
  });
});
