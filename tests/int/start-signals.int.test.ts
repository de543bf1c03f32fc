// The README's own start command, `npm start`, with the Neo4j it manages: SIGTERM to the npm
// process (as a process manager sends it) and SIGINT to its whole process group (as Ctrl-C in a
// terminal does) both stop the server and its Neo4j, leave no process behind and free the ports.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../server/config.js';

const HTTP_PORT = Number(process.env.START_TEST_HTTP_PORT ?? 4099);
const BOLT_PORT = Number(process.env.NEO4J_LIFECYCLE_BOLT_PORT ?? 7691);
const instanceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'actor-graph-start-'));
const started: ChildProcess[] = [];

afterAll(() => {
  // A failed run must not leave a server behind: end the group this test started.
  for (const child of started) {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }
  }
  const pid = neo4jPid();
  if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
  fs.rmSync(instanceDir, { recursive: true, force: true });
});

function neo4jPid(): number | null {
  try {
    return Number(fs.readFileSync(path.join(instanceDir, 'run', 'neo4j.pid'), 'utf8').trim()) || null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // A zombie is gone for every purpose here.
    return !/^\S+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Every process below pid, from /proc. */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {}
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const c of children.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function until(what: string, test: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('npm start', () => {
  for (const [signal, target] of [
    ['SIGTERM', 'the npm process'],
    ['SIGINT', 'the process group'],
  ] as const) {
    it(`stops cleanly on ${signal} to ${target}: no process left, ports free`, async () => {
      expect(await portFree(HTTP_PORT)).toBe(true);
      const child = spawn('npm', ['start'], {
        cwd: ROOT_DIR,
        detached: true, // its own process group, as a shell gives a foreground job
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          NODE_ENV: 'development',
          PORT: String(HTTP_PORT),
          NEO4J_INSTANCE_DIR: instanceDir,
          NEO4J_BOLT_PORT: String(BOLT_PORT),
          NEO4J_HEAP: '512m',
          NEO4J_PAGECACHE: '128m',
          LOG_LEVEL: 'info',
        },
      });
      started.push(child);
      let output = '';
      child.stdout?.on('data', (d: Buffer) => {
        output += d.toString();
      });
      child.stderr?.on('data', (d: Buffer) => {
        output += d.toString();
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const pid = child.pid as number;
      await until('the server to listen', () => output.includes('GraphQL at http://'), 400_000).catch((error) => {
        throw new Error(`${(error as Error).message}\n${output}`);
      });
      const response = await fetch(`http://127.0.0.1:${HTTP_PORT}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ actor(id: "russia") { name } }' }),
      });
      expect(((await response.json()) as { data: { actor: { name: string } } }).data.actor.name).toBe('Russia');
      // The compiled server, not TypeScript through tsx.
      const tree = descendants(pid);
      const commands = tree.map((p) => fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0').join(' '));
      expect(commands.some((c) => c.includes('dist/server/main.js'))).toBe(true);
      expect(commands.filter((c) => c.includes('tsx'))).toEqual([]);
      const neo4j = neo4jPid();
      expect(neo4j && alive(neo4j)).toBe(true);

      process.kill(signal === 'SIGTERM' ? pid : -pid, signal);
      const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running'), 90_000))]);
      expect(code, output).not.toBe('still running');
      await until('every process to end', () => [...tree, neo4j as number].every((p) => !alive(p)), 30_000).catch(
        () => {
          throw new Error(`Left running: ${[...tree, neo4j].filter((p) => p && alive(p)).join(', ')}\n${output}`);
        },
      );
      expect(await portFree(HTTP_PORT)).toBe(true);
      expect(await portFree(BOLT_PORT)).toBe(true);
      expect(output).toMatch(/"msg":"Stopped"|Stopped/);
    }, 600_000);
  }
});
