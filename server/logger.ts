import { pino } from 'pino';
import type { Config } from './config.js';

/** Structured logs. Secrets never reach them: the config's password and token fields are redacted. */
export function createLogger(config: Pick<Config, 'logLevel'>) {
  return pino({
    level: config.logLevel,
    base: { app: 'actor-graph' },
    redact: {
      paths: [
        'password',
        '*.password',
        'apiToken',
        '*.apiToken',
        'authorization',
        '*.authorization',
        'headers.authorization',
      ],
      censor: '[redacted]',
    },
  });
}

export type Logger = ReturnType<typeof createLogger>;
