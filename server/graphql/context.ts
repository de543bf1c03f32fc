import type { Config } from '../config.js';
import type { Executor } from '../db/executor.js';
import type { Loaders } from './loaders.js';

/** What every resolver receives. Built per request by createApp. */
export interface Context {
  readonly config: Config;
  readonly executor: Executor;
  readonly request: Request;
  /** Per-request DataLoaders (server/graphql/loaders.ts): one query per nesting level, not per item. */
  readonly loaders: Loaders;
}
