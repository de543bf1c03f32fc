// The managed local Neo4j: fetched by Maven from the pom in neo4j/, configured here, and launched
// the way Neo4j's own scripts launch it (CommunityEntryPoint on a lib/* classpath).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import neo4j from 'neo4j-driver';
import { type LocalNeo4jConfig, ROOT_DIR } from '../config.js';

export const POM_FILE = path.join(ROOT_DIR, 'neo4j', 'pom.xml');
const ENTRY_POINT = 'org.neo4j.server.CommunityEntryPoint';
const ADMIN_TOOL = 'org.neo4j.cli.AdminTool';
const SUPPORTED_JAVA = [17, 21];

// The flags Neo4j's launcher adds on Java 17+; a direct launch must give them itself.
const JVM_FLAGS = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-XX:+ExitOnOutOfMemoryError',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.tls.ephemeralDHKeySize=2048',
  '-Djdk.tls.rejectClientInitiatedRenegotiation=true',
  '-XX:FlightRecorderOptions=stackdepth=256',
  '-XX:+UnlockDiagnosticVMOptions',
  '-XX:+DebugNonSafepoints',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '-Dlog4j2.disable.jmx=true',
  '-Dfile.encoding=UTF-8',
];

/** An environment problem with one line that says what to do. */
export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
  constructor(
    message: string,
    readonly details?: string,
  ) {
    super(message);
  }
}

export interface LocalNeo4jCredentials {
  readonly user: string;
  readonly password: string;
}

export interface InstanceStatus {
  readonly running: boolean;
  readonly pid?: number;
  readonly boltUri: string;
  readonly instanceDir: string;
}

type Log = (line: string) => void;

/** The Neo4j version pinned in neo4j/pom.xml. */
export function pinnedVersion(): string {
  const pom = fs.readFileSync(POM_FILE, 'utf8');
  const match = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(pom);
  if (!match?.[1]) throw new LocalNeo4jError(`${POM_FILE} has no <neo4j.version> property.`);
  return match[1];
}

function paths(cfg: LocalNeo4jConfig) {
  const version = pinnedVersion();
  const dist = path.join(cfg.distDir, version);
  return {
    version,
    dist,
    lib: path.join(dist, 'lib'),
    complete: path.join(dist, '.complete'),
    conf: path.join(cfg.instanceDir, 'conf'),
    confFile: path.join(cfg.instanceDir, 'conf', 'neo4j.conf'),
    data: path.join(cfg.instanceDir, 'data'),
    logs: path.join(cfg.instanceDir, 'logs'),
    run: path.join(cfg.instanceDir, 'run'),
    plugins: path.join(cfg.instanceDir, 'plugins'),
    pidFile: path.join(cfg.instanceDir, 'run', 'neo4j.pid'),
    console: path.join(cfg.instanceDir, 'logs', 'console.log'),
    userLog: path.join(cfg.instanceDir, 'logs', 'neo4j.log'),
  };
}

/** The java binary to use and its major version; throws a LocalNeo4jError saying what to install. */
export function findJava(env: NodeJS.ProcessEnv = process.env): { bin: string; major: number } {
  const home = env.NEO4J_JAVA_HOME || env.JAVA_HOME;
  const bin = home ? path.join(home, 'bin', 'java') : 'java';
  const probe = spawnSync(bin, ['-version'], { encoding: 'utf8', env });
  if (probe.error) {
    throw new LocalNeo4jError(
      `Java was not found (${bin}): install Java 17 (e.g. apt-get install openjdk-17-jre-headless), set NEO4J_JAVA_HOME to a JDK 17 or 21, or set NEO4J_URI to use an existing Neo4j.`,
    );
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${probe.stderr}${probe.stdout}`);
  const first = Number(match?.[1] ?? 0);
  const major = first === 1 ? Number(match?.[2] ?? 0) : first;
  if (!SUPPORTED_JAVA.includes(major)) {
    throw new LocalNeo4jError(
      `Java ${major || 'of unknown version'} found at ${bin}, but Neo4j 5.26 runs on Java 17 or 21: install one and set NEO4J_JAVA_HOME to it, or set NEO4J_URI to use an existing Neo4j.`,
    );
  }
  return { bin, major };
}

/** Fetches the pinned Neo4j jars with Maven unless already present; returns the lib folder. */
export async function ensureDistribution(cfg: LocalNeo4jConfig, log: Log): Promise<string> {
  const p = paths(cfg);
  if (fs.existsSync(p.complete)) return p.lib;
  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvn.error) {
    throw new LocalNeo4jError(
      'Maven (mvn) was not found, and it is needed once to fetch Neo4j: install it (e.g. apt-get install maven), or set NEO4J_URI to use an existing Neo4j.',
    );
  }
  log(`Fetching Neo4j ${p.version} with Maven (first run only) into ${path.relative(ROOT_DIR, p.dist)} …`);
  const staging = `${p.dist}.partial-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  const child = spawn(
    'mvn',
    ['-B', '-f', POM_FILE, 'dependency:copy-dependencies', `-DoutputDirectory=${path.join(staging, 'lib')}`],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const tail: string[] = [];
  let downloaded = 0;
  let copied = 0;
  const lines = readline.createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    tail.push(line);
    if (tail.length > 15) tail.shift();
    if (/^Downloaded from /.test(line) && line.includes('.jar')) {
      downloaded += 1;
      if (downloaded % 20 === 0) log(`  downloaded ${downloaded} jars …`);
    } else if (/^\[INFO\] Copying /.test(line)) {
      copied += 1;
    }
  });
  child.stderr.on('data', (chunk: Buffer) => tail.push(chunk.toString().trim()));
  const code = await new Promise<number>((resolve) => {
    child.on('error', () => resolve(-1));
    child.on('close', (c) => resolve(c ?? -1));
  });
  if (code !== 0 || copied === 0) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new LocalNeo4jError(
      `Fetching Neo4j ${p.version} with Maven failed (exit ${code}): check that Maven Central is reachable (proxy settings in ~/.m2/settings.xml), or set NEO4J_URI to use an existing Neo4j.`,
      tail.join('\n'),
    );
  }
  fs.rmSync(p.dist, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(p.dist), { recursive: true });
  fs.renameSync(staging, p.dist);
  fs.writeFileSync(p.complete, `${p.version}\n`);
  log(`Fetched Neo4j ${p.version}: ${copied} jars (${downloaded} downloaded, the rest from the Maven cache).`);
  return p.lib;
}

/** The neo4j.conf this project runs with, regenerated at every start from the configuration. */
export function renderConf(cfg: LocalNeo4jConfig): string {
  const p = paths(cfg);
  return [
    '# Generated by Actor Graph at every start (server/db/neo4j-local.ts); edits here are overwritten.',
    `server.directories.data=${p.data}`,
    `server.directories.logs=${p.logs}`,
    `server.directories.run=${p.run}`,
    `server.directories.plugins=${p.plugins}`,
    '# Bolt only, and only on loopback.',
    'server.default_listen_address=127.0.0.1',
    'server.bolt.enabled=true',
    `server.bolt.listen_address=127.0.0.1:${cfg.boltPort}`,
    `server.bolt.advertised_address=127.0.0.1:${cfg.boltPort}`,
    'server.http.enabled=false',
    'server.https.enabled=false',
    'dbms.security.auth_enabled=true',
    '# Sized for a 2-core / 24 GB machine shared with the app, the tests and a browser.',
    `server.memory.heap.initial_size=${cfg.heap}`,
    `server.memory.heap.max_size=${cfg.heap}`,
    `server.memory.pagecache.size=${cfg.pageCache}`,
    '# No query may run or wait for a lock for ever; the app sets shorter per-query timeouts.',
    'db.transaction.timeout=60s',
    'db.lock.acquisition.timeout=10s',
    '# Refuse shortest-path queries that would fall back to an exhaustive search.',
    'dbms.cypher.forbid_exhaustive_shortestpath=true',
    'dbms.usage_report.enabled=false',
    'db.tx_log.rotation.retention_policy=1 days',
    '',
  ].join('\n');
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Process ids of JVMs running this instance (found by their --home-dir), pid file or not. */
export function instanceProcesses(cfg: LocalNeo4jConfig): number[] {
  const marker = `--home-dir=${cfg.instanceDir}`;
  const found: number[] = [];
  let entries: string[] = [];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    const pid = readPid(paths(cfg).pidFile);
    return pid !== undefined && alive(pid) ? [pid] : [];
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args.includes(ENTRY_POINT) && args.includes(marker)) {
        const state = fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.[0];
        if (state !== 'Z') found.push(Number(entry));
      }
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function status(cfg: LocalNeo4jConfig): InstanceStatus {
  const pid = instanceProcesses(cfg)[0];
  return {
    running: pid !== undefined,
    ...(pid === undefined ? {} : { pid }),
    boltUri: `bolt://127.0.0.1:${cfg.boltPort}`,
    instanceDir: cfg.instanceDir,
  };
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

function logTail(file: string, lines = 25): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

async function waitForBolt(
  cfg: LocalNeo4jConfig,
  credentials: LocalNeo4jCredentials,
  child: ChildProcess | undefined,
): Promise<void> {
  const p = paths(cfg);
  const uri = `bolt://127.0.0.1:${cfg.boltPort}`;
  const deadline = Date.now() + cfg.startTimeoutMs;
  let exited: number | null | undefined;
  child?.once('exit', (code) => {
    exited = code;
  });
  let lastError = '';
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      throw new LocalNeo4jError(
        `Neo4j exited during start-up (code ${exited}): see ${path.relative(ROOT_DIR, p.userLog)}; its last lines follow.`,
        `${logTail(p.console)}\n${logTail(p.userLog)}`.trim(),
      );
    }
    const driver = neo4j.driver(uri, neo4j.auth.basic(credentials.user, credentials.password), {
      connectionTimeout: 2000,
      logging: { level: 'error', logger: () => {} },
    });
    try {
      await driver.verifyConnectivity();
      return;
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      lastError = (error as Error).message;
      if (code === 'Neo.ClientError.Security.Unauthorized') {
        throw new LocalNeo4jError(
          `The local Neo4j in ${path.relative(ROOT_DIR, cfg.instanceDir) || cfg.instanceDir} was set up with another password: set NEO4J_PASSWORD to it, or run npm run db:stop and delete that folder to start afresh.`,
        );
      }
    } finally {
      await driver.close();
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new LocalNeo4jError(
    `Neo4j did not answer on ${uri} within ${cfg.startTimeoutMs / 1000} s (last error: ${lastError}): raise NEO4J_START_TIMEOUT_S or read its log below.`,
    logTail(p.userLog),
  );
}

/**
 * Starts the instance unless it is already running, and waits until Bolt answers.
 * Returns whether this call started it (so the caller knows whether to stop it).
 */
export async function start(
  cfg: LocalNeo4jConfig,
  credentials: LocalNeo4jCredentials,
  log: Log = () => {},
): Promise<{ started: boolean; pid: number }> {
  const p = paths(cfg);
  const current = status(cfg);
  if (current.running && current.pid !== undefined) {
    await waitForBolt(cfg, credentials, undefined);
    log(`Neo4j is already running (pid ${current.pid}) on ${current.boltUri}.`);
    return { started: false, pid: current.pid };
  }
  // A pid file without its JVM is left by a crash; Neo4j's store locks die with the process.
  fs.rmSync(p.pidFile, { force: true });
  if (!(await portFree(cfg.boltPort))) {
    throw new LocalNeo4jError(
      `Port ${cfg.boltPort} on 127.0.0.1 is already in use by another program: stop it, or set NEO4J_BOLT_PORT to a free port.`,
    );
  }
  const java = findJava();
  const lib = await ensureDistribution(cfg, log);
  for (const dir of [p.conf, p.data, p.logs, p.run, p.plugins]) fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(p.confFile, renderConf(cfg));
  const classpath = `${lib}${path.sep}*`;
  const env = { ...process.env, NEO4J_HOME: cfg.instanceDir, NEO4J_CONF: p.conf };
  if (!fs.existsSync(path.join(p.data, 'databases', 'system'))) {
    const admin = spawnSync(
      java.bin,
      ['-cp', classpath, ADMIN_TOOL, 'dbms', 'set-initial-password', credentials.password],
      { encoding: 'utf8', env },
    );
    if (admin.status !== 0) {
      throw new LocalNeo4jError(
        'Setting the initial Neo4j password failed: see the output below.',
        `${admin.stdout}${admin.stderr}`,
      );
    }
  }
  log(`Starting Neo4j ${p.version} on bolt://127.0.0.1:${cfg.boltPort} (Java ${java.major}) …`);
  const out = fs.openSync(p.console, 'a');
  const child = spawn(
    java.bin,
    [
      `-Xms${cfg.heap}`,
      `-Xmx${cfg.heap}`,
      ...JVM_FLAGS,
      '-cp',
      classpath,
      ENTRY_POINT,
      `--home-dir=${cfg.instanceDir}`,
      `--config-dir=${p.conf}`,
    ],
    { detached: true, stdio: ['ignore', out, out], env },
  );
  fs.closeSync(out);
  if (child.pid === undefined) throw new LocalNeo4jError(`Could not launch ${java.bin}.`);
  fs.writeFileSync(p.pidFile, `${child.pid}\n`);
  child.unref();
  try {
    await waitForBolt(cfg, credentials, child);
  } catch (error) {
    await stop(cfg);
    throw error;
  }
  return { started: true, pid: child.pid };
}

/** Stops the instance and waits until no JVM of it is left. Returns whether one was running. */
export async function stop(cfg: LocalNeo4jConfig, graceMs = 60_000): Promise<boolean> {
  const p = paths(cfg);
  const pids = instanceProcesses(cfg);
  for (const pid of pids) signal(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (instanceProcesses(cfg).length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
  }
  for (const pid of instanceProcesses(cfg)) signal(pid, 'SIGKILL');
  while (instanceProcesses(cfg).length > 0) await new Promise((r) => setTimeout(r, 100));
  fs.rmSync(p.pidFile, { force: true });
  return pids.length > 0;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}
