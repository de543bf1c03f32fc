// The one module that talks to Neo4j. Every call names its operation (sent as transaction
// metadata, visible in SHOW TRANSACTIONS and the query log) and runs under a timeout of its class.
// Driver errors become typed GraphQL errors here, and only here.
import { AsyncLocalStorage } from 'node:async_hooks';
import { GraphQLError } from 'graphql';
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { Neo4jConfig } from '../config.js';
import { createGate } from './admission.js';
import { toPlain } from './mapping.js';

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

/** Timeouts by class of work, in milliseconds. */
export const TIMEOUTS = Object.freeze({
  lookup: 5_000,
  search: 10_000,
  path: 15_000,
  /** One read of every relationship passing a filter, for the analytics (server/analytics). */
  analytics: 30_000,
  write: 15_000,
  import: 300_000,
});
export type QueryClass = keyof typeof TIMEOUTS;

/**
 * The longest a call waits for a free slot (server/db/admission.ts) before it is refused as busy:
 * by default as long as its class may run, so a call never fails sooner than it would have
 * without admission, while the database works on a bounded number of calls at once.
 */
export const ADMISSION_WAIT_MS = Number.POSITIVE_INFINITY;

export interface CallOptions {
  /** A short name for logs and transaction metadata, e.g. `actor`, `import-bundle`. */
  readonly operation: string;
  /** Picks the timeout; defaults to `lookup` for reads and `write` for writes. */
  readonly class?: QueryClass;
  /**
   * Cancels the call: the session is closed, which resets its connection and so stops the query in
   * Neo4j. Defaults to the signal of the surrounding `withSignal` scope (the HTTP request's).
   */
  readonly signal?: AbortSignal;
}

const signalScope = new AsyncLocalStorage<AbortSignal>();

/**
 * Runs `work` with `signal` as the default abort signal of every executor call made inside it,
 * however deep (resolvers, DataLoaders). The GraphQL layer wraps each execution in the request's.
 */
export function withSignal<T>(signal: AbortSignal | undefined, work: () => T): T {
  return signal ? signalScope.run(signal, work) : work();
}

/** The error of a call whose caller went away. Nobody reads it; it keeps logs honest. */
export function cancelledError(options: CallOptions): GraphQLError {
  return new GraphQLError('The request was cancelled by the client before the database answered.', {
    extensions: { code: 'CANCELLED', operation: options.operation },
  });
}

export interface QueryEvent {
  readonly operation: string;
  readonly mode: 'read' | 'write';
  readonly query: string;
}

/** A transaction in which several statements run and commit together. */
export interface Tx {
  run(query: string, params?: Params): Promise<Row[]>;
}

export interface Executor {
  readonly database: string;
  read(query: string, params: Params, options: CallOptions): Promise<Row[]>;
  write(query: string, params: Params, options: CallOptions): Promise<Row[]>;
  /** Runs `work` in one write transaction: all of it commits or none of it does. */
  writeTransaction<T>(work: (tx: Tx) => Promise<T>, options: CallOptions): Promise<T>;
  close(): Promise<void>;
}

export function createDriver(config: Neo4jConfig): Driver {
  return neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    userAgent: 'actor-graph/0.1',
    maxConnectionPoolSize: 50,
    // An interactive API should fail fast when the database is away, not queue for a minute.
    connectionAcquisitionTimeout: 5_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 5_000,
    logging: { level: 'error', logger: () => {} },
  });
}

export interface ExecutorOptions {
  readonly driver: Driver;
  readonly database: string;
  /** Called before every statement; used by tests to count round trips through the real driver. */
  readonly onQuery?: (event: QueryEvent) => void;
  /** Calls running in Neo4j at once (config neo4j.maxConcurrency); default 50, the driver's pool. */
  readonly maxConcurrency?: number;
  /** The longest a call waits for a slot; default ADMISSION_WAIT_MS, never past its class's timeout. */
  readonly admissionWaitMs?: number;
}

/** While Neo4j is known to be away, how often a background probe asks whether it is back. */
export const PROBE_MS = 500;

export function createExecutor({
  driver,
  database,
  onQuery,
  maxConcurrency = 50,
  admissionWaitMs = ADMISSION_WAIT_MS,
}: ExecutorOptions): Executor {
  const gate = createGate(maxConcurrency);
  // Fail fast during an outage: once a call finds Neo4j unavailable, later calls are refused at once
  // (no connection attempts, no driver retries) until a probe, one auto-commit `RETURN 1` every
  // PROBE_MS, gets an answer. Clients learn of an outage in milliseconds and of the recovery
  // within PROBE_MS, instead of each waiting out connect timeouts and retries.
  let down = false;
  let probe: NodeJS.Timeout | undefined;
  let probing = false;
  const answers = async (): Promise<boolean> => {
    const s = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      await s.run('RETURN 1', {}, { timeout: 2_000 });
      return true;
    } catch {
      return false;
    } finally {
      await s.close().catch(() => {});
    }
  };
  const markDown = () => {
    if (down) return;
    down = true;
    probe = setInterval(() => {
      if (probing) return;
      probing = true;
      void answers().then((ok) => {
        probing = false;
        if (ok && down) {
          down = false;
          clearInterval(probe);
          probe = undefined;
        }
      });
    }, PROBE_MS);
    probe.unref();
  };

  const runIn = async (tx: ManagedTransaction, query: string, params: Params, event: QueryEvent) => {
    onQuery?.(event);
    const result = await tx.run(query, params);
    return result.records.map((record) => toPlain(record.toObject()) as Row);
  };

  const session = (mode: 'read' | 'write') =>
    driver.session({ database, defaultAccessMode: mode === 'read' ? neo4j.session.READ : neo4j.session.WRITE });

  async function execute<T>(
    mode: 'read' | 'write',
    options: CallOptions,
    work: (tx: ManagedTransaction) => Promise<T>,
  ) {
    const signal = options.signal ?? signalScope.getStore();
    if (signal?.aborted) throw cancelledError(options);
    if (down) throw unavailableError(options);
    const call = { operation: options.operation, class: timeoutClass(options, mode) };
    const config = { timeout: TIMEOUTS[call.class], metadata: { app: 'actor-graph', operation: call.operation } };
    const release = await gate.enter({
      waitMs: Math.min(admissionWaitMs, TIMEOUTS[call.class]),
      signal,
      busy: () => busyError(call, 'every slot for database work stayed taken'),
      cancelled: () => cancelledError(options),
    });
    const s = session(mode);
    let onAbort: (() => void) | undefined;
    try {
      const run = mode === 'read' ? s.executeRead(work, config) : s.executeWrite(work, config);
      if (!signal) return await run;
      run.catch(() => {});
      // Closing the session mid-transaction resets the connection: Neo4j stops the query and rolls
      // the transaction back, and the driver stops retrying.
      const aborted = new Promise<never>((_, reject) => {
        onAbort = () => {
          void s.close();
          reject(cancelledError(options));
        };
        signal.addEventListener('abort', onAbort, { once: true });
      });
      return await Promise.race([run, aborted]);
    } catch (error) {
      if (signal?.aborted) throw cancelledError(options);
      const translated = translateError(error, call);
      // A pool with no free connection is a busy database, not an absent one: marking it down would
      // refuse every request until the probe (which needs a connection too) got through.
      if (
        translated instanceof GraphQLError &&
        translated.extensions.code === 'SERVICE_UNAVAILABLE' &&
        !translated.extensions.busy
      )
        markDown();
      throw translated;
    } finally {
      if (onAbort) signal?.removeEventListener('abort', onAbort);
      release();
      await s.close();
    }
  }

  return {
    database,
    read: (query, params, options) =>
      execute('read', options, (tx) => runIn(tx, query, params, { operation: options.operation, mode: 'read', query })),
    write: (query, params, options) =>
      execute('write', options, (tx) =>
        runIn(tx, query, params, { operation: options.operation, mode: 'write', query }),
      ),
    writeTransaction: (work, options) =>
      execute('write', options, (tx) =>
        work({
          run: (query, params = {}) => runIn(tx, query, params, { operation: options.operation, mode: 'write', query }),
        }),
      ),
    close: () => {
      clearInterval(probe);
      return driver.close();
    },
  };
}

/** The timeout class of a call: its own, else `lookup` for a read and `write` for a write. */
export function timeoutClass(options: CallOptions, mode: 'read' | 'write'): QueryClass {
  return options.class ?? (mode === 'read' ? 'lookup' : 'write');
}

function unavailableError(options: Pick<CallOptions, 'operation'>): GraphQLError {
  return new GraphQLError('The database is unavailable right now; try again shortly.', {
    extensions: { code: 'SERVICE_UNAVAILABLE', operation: options.operation },
  });
}

/** Too much work at once: the call did not run; a retry after a moment may. */
function busyError(options: Pick<CallOptions, 'operation'>, why: string): GraphQLError {
  return new GraphQLError(`The database is busy right now (${why}); try again shortly.`, {
    extensions: { code: 'SERVICE_UNAVAILABLE', operation: options.operation, busy: true },
  });
}

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/**
 * Neo4j's error codes become GraphQL errors a client can act on; anything else passes through
 * unchanged (and is masked by the API). `call.class` is the timeout class the call ran under.
 */
export function translateError(error: unknown, call: { operation: string; class: QueryClass }): unknown {
  if (error instanceof GraphQLError) return error;
  const fields = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; message?: unknown };
  const code = typeof fields.code === 'string' ? fields.code : '';
  const message = typeof fields.message === 'string' ? fields.message : '';
  if (/acquisition timed out/i.test(message)) return busyError(call, 'no free connection');
  if (UNAVAILABLE.has(code) || /Could not perform discovery|connect ECONNREFUSED/i.test(message)) {
    return unavailableError(call);
  }
  if (code.includes('TransactionTimedOut')) {
    const ms = TIMEOUTS[call.class];
    return new GraphQLError(`The query ran longer than its limit of ${ms} ms and was stopped; narrow it down.`, {
      extensions: { code: 'TIMEOUT', operation: call.operation },
    });
  }
  if (code.endsWith('MemoryPoolOutOfMemoryError')) {
    // A write's uncommitted state lives on Neo4j's heap, about 10 kB per relationship an import
    // writes (docs/benchmarks.md); past the transaction memory limit the whole write rolls back.
    return new GraphQLError(
      'The write needs more memory than the database allows one transaction, so nothing of it was written; ' +
        'split it into smaller writes (an import into several bundles) or give Neo4j more heap (NEO4J_HEAP).',
      { extensions: { code: 'TOO_LARGE', operation: call.operation } },
    );
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new GraphQLError('The write conflicts with an existing record (a unique id is already taken).', {
      extensions: { code: 'CONFLICT', operation: call.operation },
    });
  }
  return error;
}
