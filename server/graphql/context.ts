import type { Config } from '../config.js';
import type { Executor } from '../db/executor.js';

/** What every resolver receives. Built per request by createApp. */
export interface Context {
  readonly config: Config;
  readonly executor: Executor;
  readonly request: Request;
}
