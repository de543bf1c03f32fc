import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root: the nearest folder above this file holding package.json, so commands work
 * from any working directory and from the compiled server in dist/server alike.
 */
export const ROOT_DIR = findRoot(path.dirname(fileURLToPath(import.meta.url)));

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}

/** Password of the managed local Neo4j when NEO4J_PASSWORD is unset. Development only. */
export const DEV_PASSWORD = 'actor-graph-dev';

export interface LocalNeo4jConfig {
  /** Folder holding this instance's conf, data, logs and run files. Default `.neo4j/instances/dev`. */
  readonly instanceDir: string;
  /** Folder the Neo4j jars are fetched into, shared by all instances. Default `.neo4j/dist`. */
  readonly distDir: string;
  /** Bolt port on 127.0.0.1. Default 7687 (NEO4J_BOLT_PORT). */
  readonly boltPort: number;
  /** JVM heap, both -Xms and -Xmx. Default 2g (NEO4J_HEAP). */
  readonly heap: string;
  /** Page cache size. Default 2g (NEO4J_PAGECACHE). */
  readonly pageCache: string;
  /** How long `start` waits for Bolt to answer. Default 120 s (NEO4J_START_TIMEOUT_S). */
  readonly startTimeoutMs: number;
}

export interface Neo4jConfig {
  /** `local`: the project fetches and runs Neo4j itself; `external`: NEO4J_URI names one to use. */
  readonly mode: 'local' | 'external';
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  /** Executor calls running in Neo4j at once (default 50, the driver's pool); more wait their turn (NEO4J_MAX_CONCURRENCY, server/db/admission.ts). */
  readonly maxConcurrency: number;
  readonly local: LocalNeo4jConfig;
}

export interface Config {
  readonly nodeEnv: 'development' | 'production' | 'test';
  /** HTTP port of the GraphQL server and client. Default 4000 (PORT). */
  readonly port: number;
  /** Interface the HTTP server binds. Default 127.0.0.1 (HOST). */
  readonly host: string;
  /**
   * Bearer tokens that enable mutations, each with the name review decisions record: API_TOKEN
   * (named "api") and API_TOKENS ("name:secret,name:secret"). Empty: writes are refused.
   */
  readonly apiTokens: readonly ApiToken[];
  /** pino's level: trace, debug, info, warn, error, fatal or silent. Default info, silent in test (LOG_LEVEL). */
  readonly logLevel: string;
  /** `pretty` lines for a person, `json` lines for a machine; `auto` (LOG_FORMAT unset): pretty at a terminal. */
  readonly logFormat: 'json' | 'pretty' | 'auto';
  readonly neo4j: Neo4jConfig;
  /**
   * Browser origins allowed to call the API cross-origin (CORS_ORIGINS, comma-separated). Empty:
   * any origin in development and test, none in production (the client is served same-origin).
   */
  readonly corsOrigins: readonly string[];
  /** Take the client address from X-Forwarded-For (TRUST_PROXY=1 behind a reverse proxy). */
  readonly trustProxy: boolean;
  /** Token bucket per client for the expensive fields (paths, neighbourhoods of depth 2 or more). */
  readonly rateLimit: RateLimitConfig;
}

/** A writer: the name its decisions record (decidedBy) and the secret it sends as a bearer token. */
export interface ApiToken {
  readonly name: string;
  /** Not enumerable: JSON, util.inspect and the logger never show it; read it by name. */
  readonly secret: string;
}

export interface RateLimitConfig {
  /** Expensive fields a client may run per minute, refilled evenly; 0 turns the limit off (RATE_LIMIT_PER_MINUTE, default 120). */
  readonly perMinute: number;
  /** How many a client may run at once before the refill rate applies (RATE_LIMIT_BURST, default 30). */
  readonly burst: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

const URI_SCHEMES = ['bolt:', 'bolt+s:', 'bolt+ssc:', 'neo4j:', 'neo4j+s:', 'neo4j+ssc:'];
const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];
const SIZE = /^\d+[kmg]$/i;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name}="${raw}" is not valid: set it to a whole number from ${min} to ${max}.`);
  }
  return value;
}

function size(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!SIZE.test(raw)) throw new ConfigError(`${name}="${raw}" is not valid: set it to a size such as 512m or 2g.`);
  return raw.toLowerCase();
}

function flag(env: Env, name: string): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return false;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name}="${raw}" is not valid: use 1 or 0.`);
}

function origins(env: Env, name: string): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return [];
  return raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      let url: URL;
      try {
        url = new URL(part);
      } catch {
        throw new ConfigError(`${name}: "${part}" is not an origin such as https://graph.example.org.`);
      }
      if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== part.replace(/\/$/, '')) {
        throw new ConfigError(
          `${name}: "${part}" is not an origin (scheme, host and port only, e.g. https://graph.example.org).`,
        );
      }
      return url.origin;
    });
}

/** The name API_TOKEN's token has in decisions. */
export const API_TOKEN_NAME = 'api';
/** At least this many characters per secret: a short one can be guessed through the API. */
export const MIN_SECRET_LENGTH = 16;
const TOKEN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const SECRET = /^[\x21-\x7e]+$/;

function apiToken(name: string, secret: string): ApiToken {
  const token = { name } as ApiToken;
  Object.defineProperty(token, 'secret', { value: secret, enumerable: false });
  return token;
}

/** Why a secret is unusable, or null. Never says what the secret is. */
function secretProblem(secret: string): string | null {
  if (secret === '') return 'has an empty secret';
  if (!SECRET.test(secret))
    return 'has a secret with a space or a character outside visible ASCII (a bearer token cannot carry it)';
  if (secret.length < MIN_SECRET_LENGTH)
    return `has a secret of ${secret.length} characters; use at least ${MIN_SECRET_LENGTH} (e.g. openssl rand -hex 24)`;
  return null;
}

/**
 * API_TOKEN (named "api") and API_TOKENS ("alice:<secret>,bob:<secret>"). An error names the
 * variable and the entry (position and name), never a secret.
 */
function apiTokens(env: Env): ApiToken[] {
  // Each token with how an error names it.
  const tokens: { token: ApiToken; label: string }[] = [];
  const single = text(env, 'API_TOKEN');
  if (single !== undefined) {
    const problem = secretProblem(single);
    if (problem) throw new ConfigError(`API_TOKEN ${problem}.`);
    tokens.push({ token: apiToken(API_TOKEN_NAME, single), label: `API_TOKEN (named "${API_TOKEN_NAME}")` });
  }
  const list = text(env, 'API_TOKENS');
  (list === undefined ? [] : list.split(',')).forEach((raw, i) => {
    const entry = raw.trim();
    const where = `API_TOKENS: entry ${i + 1}`;
    if (entry === '') throw new ConfigError(`${where} is empty; write the tokens as name:secret,name:secret.`);
    const colon = entry.indexOf(':');
    if (colon < 0) throw new ConfigError(`${where} has no ":"; write each token as name:secret.`);
    const name = entry.slice(0, colon);
    const secret = entry.slice(colon + 1);
    if (name === '') throw new ConfigError(`${where} has no name before ":"; write it as name:secret.`);
    if (!TOKEN_NAME.test(name)) {
      throw new ConfigError(
        `${where}: the name ${JSON.stringify(name)} is not valid: use letters, digits, ".", "_" and "-" (at most 64, starting with a letter or digit).`,
      );
    }
    const label = `entry ${i + 1} ("${name}")`;
    const problem = secretProblem(secret);
    if (problem) throw new ConfigError(`API_TOKENS: ${label} ${problem}.`);
    for (const other of tokens) {
      // Names compare case-blind: "Alice" and "alice" would read as one person in decidedBy.
      if (other.token.name.toLowerCase() === name.toLowerCase()) {
        throw new ConfigError(`API_TOKENS: ${label} has the name of ${other.label}; each token needs its own name.`);
      }
      if (other.token.secret === secret) {
        throw new ConfigError(
          `API_TOKENS: ${label} has the secret of ${other.label}; each token needs its own secret.`,
        );
      }
    }
    tokens.push({ token: apiToken(name, secret), label });
  });
  return tokens.map((t) => t.token);
}

function text(env: Env, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw === '' ? undefined : raw;
}

function oneOf<T extends string>(env: Env, name: string, values: readonly T[], hint = ''): T | undefined {
  const raw = text(env, name);
  if (raw === undefined) return undefined;
  if (!(values as readonly string[]).includes(raw)) {
    const choices = `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
    throw new ConfigError(`${name}="${raw}" is not valid: use ${choices}${hint}.`);
  }
  return raw as T;
}

/** Reads, validates and freezes the configuration. Call once at start-up and pass the result on. */
export function readConfig(env: Env = process.env): Config {
  const nodeEnvRaw = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const) ?? 'development';
  const boltPort = integer(env, 'NEO4J_BOLT_PORT', 7687, 1, 65535);
  const uri = text(env, 'NEO4J_URI');
  if (uri !== undefined && !URI_SCHEMES.some((s) => uri.startsWith(`${s}//`))) {
    throw new ConfigError(
      `NEO4J_URI="${uri}" is not a Neo4j address: use bolt://host:7687, neo4j://host:7687 or their +s / +ssc forms.`,
    );
  }
  const password = text(env, 'NEO4J_PASSWORD') ?? (uri === undefined ? DEV_PASSWORD : undefined);
  if (password === undefined) {
    throw new ConfigError('NEO4J_URI is set but NEO4J_PASSWORD is not: set the password of that Neo4j.');
  }
  // The development password is published in this repository; a production server must not use it.
  if (nodeEnvRaw === 'production' && password === DEV_PASSWORD) {
    throw new ConfigError(
      `NEO4J_PASSWORD is ${text(env, 'NEO4J_PASSWORD') === undefined ? 'unset, so the development password would be used' : 'the development password'}, which NODE_ENV=production refuses: set NEO4J_PASSWORD to a password of your own.`,
    );
  }
  if (uri === undefined && password.length < 8) {
    throw new ConfigError('NEO4J_PASSWORD must have at least 8 characters for the local Neo4j (its own rule).');
  }
  const neo4jDir = path.resolve(ROOT_DIR, '.neo4j');
  const config: Config = {
    nodeEnv: nodeEnvRaw,
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: text(env, 'HOST') ?? '127.0.0.1',
    apiTokens: apiTokens(env),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS) ?? (nodeEnvRaw === 'test' ? 'silent' : 'info'),
    logFormat:
      oneOf(env, 'LOG_FORMAT', ['json', 'pretty'] as const, ' (unset: pretty at a terminal, JSON otherwise)') ?? 'auto',
    corsOrigins: origins(env, 'CORS_ORIGINS'),
    trustProxy: flag(env, 'TRUST_PROXY'),
    rateLimit: {
      perMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 120, 0, 1_000_000),
      burst: integer(env, 'RATE_LIMIT_BURST', 30, 1, 1_000_000),
    },
    neo4j: {
      mode: uri === undefined ? 'local' : 'external',
      uri: uri ?? `bolt://127.0.0.1:${boltPort}`,
      user: text(env, 'NEO4J_USER') ?? 'neo4j',
      password,
      database: text(env, 'NEO4J_DATABASE') ?? 'neo4j',
      maxConcurrency: integer(env, 'NEO4J_MAX_CONCURRENCY', 50, 1, 1000),
      local: {
        instanceDir: path.resolve(text(env, 'NEO4J_INSTANCE_DIR') ?? path.join(neo4jDir, 'instances', 'dev')),
        distDir: path.resolve(text(env, 'NEO4J_DIST_DIR') ?? path.join(neo4jDir, 'dist')),
        boltPort,
        heap: size(env, 'NEO4J_HEAP', '2g'),
        pageCache: size(env, 'NEO4J_PAGECACHE', '2g'),
        startTimeoutMs: integer(env, 'NEO4J_START_TIMEOUT_S', 120, 5, 3600) * 1000,
      },
    },
  };
  return deepFreeze(config);
}

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) {
    if (inner !== null && typeof inner === 'object') deepFreeze(inner);
  }
  return Object.freeze(value);
}
