import { type DestinationStream, pino } from 'pino';
import type { Config } from './config.js';

/**
 * Structured logs. Secrets never reach them: the config's password and token fields and any
 * authorization or cookie header are redacted, and request logging (server/http/use-request-log.ts)
 * writes neither headers nor variables. `destination` lets tests read the lines.
 */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream) {
  const options = {
    level: config.logLevel,
    base: { app: 'actor-graph' },
    redact: {
      paths: [
        'password',
        '*.password',
        'apiToken',
        '*.apiToken',
        'token',
        '*.token',
        'authorization',
        '*.authorization',
        'headers.authorization',
        'headers.cookie',
        '*.headers.authorization',
        '*.headers.cookie',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type Logger = ReturnType<typeof createLogger>;
