import { type DestinationStream, pino } from 'pino';
import pretty from 'pino-pretty';
import type { Config } from './config.js';

export type LogFormat = 'json' | 'pretty';

/**
 * The format of the log lines: LOG_FORMAT when it is set, else pretty for a person at a terminal
 * and JSON lines for everything else (a pipe, a file, a log collector).
 */
export function logFormat(setting: Config['logFormat'] | undefined, isTTY: boolean): LogFormat {
  return setting === undefined || setting === 'auto' ? (isTTY ? 'pretty' : 'json') : setting;
}

/**
 * Structured logs. Secrets never reach them: the config's password and token fields (an API
 * token's secret is not even enumerable, so a logged config holds only its name) and any
 * authorization or cookie header are redacted (before a line is prettified too), and request
 * logging (server/http/use-request-log.ts) writes neither headers nor variables. `destination`
 * lets tests read the lines; a destination is no terminal, so its lines are JSON unless the
 * config asks for pretty ones.
 */
export function createLogger(
  config: Pick<Config, 'logLevel'> & Partial<Pick<Config, 'logFormat'>>,
  destination?: DestinationStream,
) {
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
        'secret',
        '*.secret',
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
  const terminal = destination === undefined && process.stdout.isTTY === true;
  if (logFormat(config.logFormat, terminal) === 'pretty') {
    // Synchronous, so the last lines before process.exit are not lost.
    const stream = pretty({
      destination: destination ?? 1,
      sync: true,
      colorize: terminal,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,app',
    });
    return pino(options, stream);
  }
  return destination ? pino(options, destination) : pino(options);
}

export type Logger = ReturnType<typeof createLogger>;
