// readConfig: defaults, and for every variable a bad value refused with a message that names the
// variable and says what to set.

import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEV_PASSWORD, readConfig } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';

function refused(env: Record<string, string>): string {
  try {
    readConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
}

describe('readConfig', () => {
  it('defaults to the managed local Neo4j with the development password, read-only, info logs', () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 4000,
      host: '127.0.0.1',
      apiTokens: [],
      logLevel: 'info',
      logFormat: 'auto',
      corsOrigins: [],
      trustProxy: false,
      rateLimit: { perMinute: 120, burst: 30 },
    });
    expect(config.neo4j).toMatchObject({
      mode: 'local',
      uri: 'bolt://127.0.0.1:7687',
      user: 'neo4j',
      password: DEV_PASSWORD,
      database: 'neo4j',
    });
    expect(config.neo4j.local).toMatchObject({ boltPort: 7687, heap: '2g', pageCache: '2g', startTimeoutMs: 120_000 });
    expect(Object.isFrozen(config.neo4j.local)).toBe(true);
    expect(readConfig({ NODE_ENV: 'test' }).logLevel).toBe('silent');
  });

  it('reads every variable it documents', () => {
    const config = readConfig({
      NODE_ENV: 'production',
      PORT: '4120',
      HOST: '0.0.0.0',
      API_TOKEN: 'a-token-of-16-chars',
      API_TOKENS: 'alice:alice-secret-0123456789, bob:bob-secret-0123456789',
      LOG_LEVEL: 'debug',
      LOG_FORMAT: 'json',
      CORS_ORIGINS: 'https://a.example.org, https://b.example.org/',
      TRUST_PROXY: 'yes',
      RATE_LIMIT_PER_MINUTE: '0',
      RATE_LIMIT_BURST: '5',
      NEO4J_URI: 'neo4j+s://db.example.org',
      NEO4J_USER: 'reader',
      NEO4J_PASSWORD: 'pw',
      NEO4J_DATABASE: 'graph',
      NEO4J_BOLT_PORT: '7702',
      NEO4J_HEAP: '512M',
      NEO4J_PAGECACHE: '256m',
      NEO4J_START_TIMEOUT_S: '30',
      NEO4J_INSTANCE_DIR: '/srv/neo4j/instance',
      NEO4J_DIST_DIR: '/srv/neo4j/dist',
    });
    expect(config).toMatchObject({
      nodeEnv: 'production',
      port: 4120,
      host: '0.0.0.0',
      logLevel: 'debug',
      logFormat: 'json',
      corsOrigins: ['https://a.example.org', 'https://b.example.org'],
      trustProxy: true,
      rateLimit: { perMinute: 0, burst: 5 },
    });
    expect(config.apiTokens.map((t) => [t.name, t.secret])).toEqual([
      ['api', 'a-token-of-16-chars'],
      ['alice', 'alice-secret-0123456789'],
      ['bob', 'bob-secret-0123456789'],
    ]);
    expect(config.neo4j).toMatchObject({
      mode: 'external',
      uri: 'neo4j+s://db.example.org',
      user: 'reader',
      password: 'pw',
      database: 'graph',
    });
    expect(config.neo4j.local).toMatchObject({
      boltPort: 7702,
      heap: '512m',
      pageCache: '256m',
      startTimeoutMs: 30_000,
      instanceDir: '/srv/neo4j/instance',
      distDir: '/srv/neo4j/dist',
    });
  });

  it('names each bad variable and what to set it to', () => {
    const cases: [Record<string, string>, string][] = [
      [{ NODE_ENV: 'staging' }, 'NODE_ENV="staging" is not valid: use development, production or test.'],
      [{ PORT: '80x' }, 'PORT="80x" is not valid: set it to a whole number from 0 to 65535.'],
      [{ PORT: '70000' }, 'PORT="70000" is not valid: set it to a whole number from 0 to 65535.'],
      [{ NEO4J_BOLT_PORT: '0' }, 'NEO4J_BOLT_PORT="0" is not valid: set it to a whole number from 1 to 65535.'],
      [
        { NEO4J_START_TIMEOUT_S: '2' },
        'NEO4J_START_TIMEOUT_S="2" is not valid: set it to a whole number from 5 to 3600.',
      ],
      [
        { RATE_LIMIT_PER_MINUTE: '-1' },
        'RATE_LIMIT_PER_MINUTE="-1" is not valid: set it to a whole number from 0 to 1000000.',
      ],
      [{ RATE_LIMIT_BURST: '0' }, 'RATE_LIMIT_BURST="0" is not valid: set it to a whole number from 1 to 1000000.'],
      [{ NEO4J_HEAP: '2 GB' }, 'NEO4J_HEAP="2 GB" is not valid: set it to a size such as 512m or 2g.'],
      [{ NEO4J_PAGECACHE: '1t' }, 'NEO4J_PAGECACHE="1t" is not valid: set it to a size such as 512m or 2g.'],
      [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY="maybe" is not valid: use 1 or 0.'],
      [
        { LOG_LEVEL: 'verbose' },
        'LOG_LEVEL="verbose" is not valid: use trace, debug, info, warn, error, fatal or silent.',
      ],
      [
        { LOG_FORMAT: 'text' },
        'LOG_FORMAT="text" is not valid: use json or pretty (unset: pretty at a terminal, JSON otherwise).',
      ],
      [
        { NEO4J_URI: 'http://localhost:7474' },
        'NEO4J_URI="http://localhost:7474" is not a Neo4j address: use bolt://host:7687, neo4j://host:7687 or their +s / +ssc forms.',
      ],
      [
        { NEO4J_URI: 'bolt://localhost:7687' },
        'NEO4J_URI is set but NEO4J_PASSWORD is not: set the password of that Neo4j.',
      ],
      [
        { NEO4J_PASSWORD: 'short' },
        'NEO4J_PASSWORD must have at least 8 characters for the local Neo4j (its own rule).',
      ],
      [
        { NODE_ENV: 'production' },
        'NEO4J_PASSWORD is unset, so the development password would be used, which NODE_ENV=production refuses: set NEO4J_PASSWORD to a password of your own.',
      ],
      [
        { NODE_ENV: 'production', NEO4J_URI: 'bolt://db.example.org:7687', NEO4J_PASSWORD: DEV_PASSWORD },
        'NEO4J_PASSWORD is the development password, which NODE_ENV=production refuses: set NEO4J_PASSWORD to a password of your own.',
      ],
      [{ CORS_ORIGINS: 'not a url' }, 'CORS_ORIGINS: "not a url" is not an origin such as https://graph.example.org.'],
      [
        { CORS_ORIGINS: 'https://a.example.org/app' },
        'CORS_ORIGINS: "https://a.example.org/app" is not an origin (scheme, host and port only, e.g. https://graph.example.org).',
      ],
      [
        { CORS_ORIGINS: 'ftp://a.example.org' },
        'CORS_ORIGINS: "ftp://a.example.org" is not an origin (scheme, host and port only, e.g. https://graph.example.org).',
      ],
    ];
    for (const [env, message] of cases) expect(refused(env), JSON.stringify(env)).toBe(message);
  });

  it('treats an empty variable as unset', () => {
    expect(readConfig({ PORT: '', LOG_LEVEL: '', NEO4J_URI: '', API_TOKEN: '', API_TOKENS: '' })).toMatchObject({
      port: 4000,
      logLevel: 'info',
      apiTokens: [],
      neo4j: { mode: 'local' },
    });
  });

  describe('API_TOKEN and API_TOKENS', () => {
    const A = 'alice-secret-0123456789';
    const B = 'bob-secret-0123456789';

    it('names API_TOKEN "api" and each API_TOKENS entry by its name, trimming the spaces around entries', () => {
      const config = readConfig({ API_TOKENS: ` alice:${A} ,Bob.K_2-x:${B}` });
      expect(config.apiTokens.map((t) => t.name)).toEqual(['alice', 'Bob.K_2-x']);
      expect(readConfig({ API_TOKEN: A }).apiTokens.map((t) => t.name)).toEqual(['api']);
      // A secret may hold ":" (only the first one ends the name).
      expect(readConfig({ API_TOKENS: `carol:${A}:x` }).apiTokens[0]?.secret).toBe(`${A}:x`);
    });

    it('refuses each bad entry, naming API_TOKENS and the entry, never the secret', () => {
      const cases: [Record<string, string>, string][] = [
        [
          { API_TOKENS: `alice:${A},,bob:${B}` },
          'API_TOKENS: entry 2 is empty; write the tokens as name:secret,name:secret.',
        ],
        [{ API_TOKENS: `alice:${A},` }, 'API_TOKENS: entry 2 is empty; write the tokens as name:secret,name:secret.'],
        [{ API_TOKENS: B }, 'API_TOKENS: entry 1 has no ":"; write each token as name:secret.'],
        [{ API_TOKENS: `:${B}` }, 'API_TOKENS: entry 1 has no name before ":"; write it as name:secret.'],
        [
          { API_TOKENS: `alice smith:${A}` },
          'API_TOKENS: entry 1: the name "alice smith" is not valid: use letters, digits, ".", "_" and "-" (at most 64, starting with a letter or digit).',
        ],
        [
          { API_TOKENS: `-alice:${A}` },
          'API_TOKENS: entry 1: the name "-alice" is not valid: use letters, digits, ".", "_" and "-" (at most 64, starting with a letter or digit).',
        ],
        [{ API_TOKENS: `alice:${A},bob:` }, 'API_TOKENS: entry 2 ("bob") has an empty secret.'],
        [
          { API_TOKENS: 'alice:short-secret' },
          'API_TOKENS: entry 1 ("alice") has a secret of 12 characters; use at least 16 (e.g. openssl rand -hex 24).',
        ],
        [
          { API_TOKENS: `alice:${A} x` },
          'API_TOKENS: entry 1 ("alice") has a secret with a space or a character outside visible ASCII (a bearer token cannot carry it).',
        ],
        [
          { API_TOKENS: `alice:${A},Alice:${B}` },
          'API_TOKENS: entry 2 ("Alice") has the name of entry 1 ("alice"); each token needs its own name.',
        ],
        [
          { API_TOKENS: `alice:${A},bob:${A}` },
          'API_TOKENS: entry 2 ("bob") has the secret of entry 1 ("alice"); each token needs its own secret.',
        ],
        [
          { API_TOKEN: A, API_TOKENS: `api:${B}` },
          'API_TOKENS: entry 1 ("api") has the name of API_TOKEN (named "api"); each token needs its own name.',
        ],
        [
          { API_TOKEN: A, API_TOKENS: `bob:${B},carol:${A}` },
          'API_TOKENS: entry 2 ("carol") has the secret of API_TOKEN (named "api"); each token needs its own secret.',
        ],
        [
          { API_TOKEN: 'short-token' },
          'API_TOKEN has a secret of 11 characters; use at least 16 (e.g. openssl rand -hex 24).',
        ],
      ];
      for (const [env, message] of cases) {
        const said = refused(env);
        expect(said, JSON.stringify(env)).toBe(message);
        for (const secret of [A, B, 'short-secret', 'short-token']) expect(said).not.toContain(secret);
      }
    });

    it('keeps the secrets out of JSON, util.inspect and the log, and frozen', () => {
      const config = readConfig({ API_TOKEN: A, API_TOKENS: `bob:${B}` });
      const lines: string[] = [];
      const log = createLogger({ logLevel: 'info', logFormat: 'json' }, { write: (line: string) => lines.push(line) });
      log.info({ config, tokens: config.apiTokens }, 'config');
      for (const shown of [JSON.stringify(config), inspect(config, { depth: 10 }), ...lines]) {
        expect(shown).toContain('bob');
        expect(shown).not.toContain(A);
        expect(shown).not.toContain(B);
      }
      expect(Object.isFrozen(config.apiTokens[1])).toBe(true);
      expect(() => {
        (config.apiTokens[1] as { secret: string }).secret = 'changed';
      }).toThrow();
    });
  });
});
