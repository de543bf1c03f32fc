// The managed local Neo4j through its real commands: a separate instance on its own port, so the
// shared test instance and the user's data are never touched.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_DIR, readConfig } from '../../server/config.js';
import { instanceProcesses } from '../../server/db/neo4j-local.js';
import { runScript } from '../helpers/cli.js';

const PORT = Number(process.env.NEO4J_LIFECYCLE_BOLT_PORT ?? 7691);
const INSTANCE = path.join(ROOT_DIR, '.neo4j', 'instances', 'lifecycle');
const PASSWORD = 'lifecycle-pass';
const env = {
  ...process.env,
  NEO4J_URI: '',
  NEO4J_INSTANCE_DIR: INSTANCE,
  NEO4J_BOLT_PORT: String(PORT),
  NEO4J_PASSWORD: PASSWORD,
  NEO4J_HEAP: '512m',
  NEO4J_PAGECACHE: '256m',
};
const local = readConfig(env).neo4j.local;
const db = (args: string[], extra: NodeJS.ProcessEnv = {}) => runScript('server/cli/db.ts', args, { ...env, ...extra });

async function writeAndRead(value: string): Promise<string[]> {
  const driver = neo4j.driver(`bolt://127.0.0.1:${PORT}`, neo4j.auth.basic('neo4j', PASSWORD));
  try {
    await driver.executeQuery('CREATE (:LifecycleProbe {value: $value})', { value });
    const { records } = await driver.executeQuery('MATCH (p:LifecycleProbe) RETURN p.value AS v ORDER BY v');
    return records.map((r) => r.get('v') as string);
  } finally {
    await driver.close();
  }
}

afterAll(async () => {
  await db(['stop']);
  fs.rmSync(INSTANCE, { recursive: true, force: true });
});

// Each test starts a JVM, the first one three times (fresh, again, after the kill): on a loaded
// two-core machine that passes the default minute, and a timed-out test leaves its JVM for the
// next ones to trip over. Durations are not what these tests check.
describe('managed local Neo4j', { timeout: 300_000 }, () => {
  it('starts, answers, survives a second start and a killed JVM, and stops without leaving a JVM', async () => {
    fs.rmSync(INSTANCE, { recursive: true, force: true });
    const first = await db(['start']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Neo4j is running \(pid \d+\)/);
    expect(instanceProcesses(local)).toHaveLength(1);

    expect(await writeAndRead('before-crash')).toEqual(['before-crash']);

    const again = await db(['start']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already running');
    expect(instanceProcesses(local)).toHaveLength(1);

    // A crash: the JVM dies without cleaning up its pid file.
    const [pid] = instanceProcesses(local);
    process.kill(pid as number, 'SIGKILL');
    while (instanceProcesses(local).length > 0) await new Promise((r) => setTimeout(r, 100));
    expect(fs.existsSync(path.join(INSTANCE, 'run', 'neo4j.pid'))).toBe(true);
    expect((await db(['status'])).stdout).toMatch(/^stopped/);

    const recovered = await db(['start']);
    expect(recovered.code).toBe(0);
    expect(await writeAndRead('after-crash')).toEqual(['after-crash', 'before-crash']);

    const stopped = await db(['stop']);
    expect(stopped.stdout).toContain('Neo4j stopped.');
    expect(instanceProcesses(local)).toEqual([]);
    const status = await db(['status']);
    expect(status.code).toBe(3);
  });

  it('says what to do when Java is missing', async () => {
    const result = await db(['start'], { PATH: '/nonexistent', JAVA_HOME: '', NEO4J_JAVA_HOME: '' });
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')[0]).toMatch(/^error: Java was not found .*install Java 17/);
    expect(instanceProcesses(local)).toEqual([]);
  });

  it('says what to do when Java is too old or too new', async () => {
    const fakeHome = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-java-'));
    fs.mkdirSync(path.join(fakeHome, 'bin'));
    fs.writeFileSync(
      path.join(fakeHome, 'bin', 'java'),
      '#!/bin/sh\necho \'openjdk version "11.0.2" 2019-01-15\' >&2\n',
      { mode: 0o755 },
    );
    const result = await db(['start'], { NEO4J_JAVA_HOME: fakeHome });
    fs.rmSync(fakeHome, { recursive: true, force: true });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: Java 11 found at .*runs on Java 17 or 21/);
  });

  it('says what to do when the Bolt port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(PORT, '127.0.0.1', resolve));
    try {
      const result = await db(['start']);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        new RegExp(`^error: Port ${PORT} on 127.0.0.1 is already in use .*NEO4J_BOLT_PORT`),
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('says what to do when Maven is missing or the fetch fails', async () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'neo4j-dist-'));
    const javaHome = path.dirname(path.dirname(fs.realpathSync('/usr/bin/java')));
    const noMaven = await db(['start'], { NEO4J_DIST_DIR: dist, NEO4J_JAVA_HOME: javaHome, PATH: '/nonexistent' });
    expect(noMaven.code).toBe(1);
    expect(noMaven.stderr).toMatch(/^error: Maven \(mvn\) was not found.*install it/);

    // A Maven that fails the way an unreachable repository makes it fail.
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'failing-mvn-'));
    fs.writeFileSync(
      path.join(bin, 'mvn'),
      '#!/bin/sh\n[ "$1" = "-v" ] && { echo "Apache Maven 3.8.7"; exit 0; }\necho "[ERROR] Could not transfer artifact"; exit 1\n',
      { mode: 0o755 },
    );
    const failing = await db(['start'], { NEO4J_DIST_DIR: dist, NEO4J_JAVA_HOME: javaHome, PATH: bin });
    fs.rmSync(bin, { recursive: true, force: true });
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/^error: Fetching Neo4j [\d.]+ with Maven failed \(exit 1\)/);
    expect(failing.stderr).toContain('Could not transfer artifact');
    // Nothing half-fetched is left to be mistaken for a complete download.
    expect(fs.readdirSync(dist)).toEqual([]);
    fs.rmSync(dist, { recursive: true, force: true });
  });
});
