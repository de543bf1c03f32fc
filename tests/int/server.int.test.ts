// The HTTP surface through the app factory (no port), and `npm start`'s entry point in external
// mode: pointed at an existing Neo4j with NEO4J_URI it must use it and start nothing.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { ROOT_DIR } from '../../server/config.js';
import { createDriver, createExecutor } from '../../server/db/executor.js';
import { testApp, testConfig } from '../helpers/db.js';

const t = testApp();
afterAll(() => t.close());

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('HTTP surface', () => {
  it('answers /health and /ready', async () => {
    expect((await t.app.fetch('http://x/health')).status).toBe(200);
    expect((await t.app.fetch('http://x/ready')).status).toBe(200);
  });

  it('answers a trivial GraphQL query from Neo4j itself', async () => {
    const result = await t.graphql<{ serverInfo: { name: string; database: string; neo4j: string } }>(
      '{ serverInfo { name database neo4j } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.serverInfo.name).toBe('Actor Graph');
    expect(result.data?.serverInfo.neo4j).toMatch(/^5\.26\.\d+ community$/);
  });

  it('says 503 on /ready while Neo4j cannot be reached, but stays alive', async () => {
    const port = await freePort();
    const config = testConfig({ NEO4J_URI: `bolt://127.0.0.1:${port}` });
    const executor = createExecutor({ driver: createDriver(config.neo4j), database: 'neo4j' });
    const app = createApp({ config, executor });
    try {
      expect((await app.fetch('http://x/health')).status).toBe(200);
      expect((await app.fetch('http://x/ready')).status).toBe(503);
      const response = await app.fetch('http://x/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ serverInfo { name } }' }),
      });
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]?.extensions.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await executor.close();
    }
  });

  it('serves the client folder only: a path that climbs out gets the client page instead', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-client-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>client page</title>');
    fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log("app");');
    const app = createApp({ config: t.config, executor: t.executor, clientDir: dir });
    try {
      const asset = await app.fetch('http://x/assets/app.js');
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(await asset.text()).toBe('console.log("app");');
      for (const climb of [
        '/..%2f..%2fpackage.json',
        '/%2e%2e/%2e%2e/package.json',
        '/assets/..%2f..%2f..%2fpackage.json',
        '/..%5c..%5cpackage.json',
        `/${'..%2f'.repeat(12)}etc%2fpasswd`,
      ]) {
        const response = await app.fetch(`http://x${climb}`);
        expect(response.status, climb).toBe(200);
        expect(response.headers.get('content-type'), climb).toBe('text/html; charset=utf-8');
        expect(await response.text(), climb).toBe('<!doctype html><title>client page</title>');
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('external mode (NEO4J_URI set)', () => {
  it('serves from the given Neo4j and starts or fetches nothing', async () => {
    const neo = inject('neo4j');
    const port = await freePort();
    const unused = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ag-external-')), 'never');
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'server/main.ts')], {
      cwd: ROOT_DIR,
      env: {
        ...process.env,
        PORT: String(port),
        NEO4J_URI: neo.uri,
        NEO4J_USER: neo.user,
        NEO4J_PASSWORD: neo.password,
        NEO4J_INSTANCE_DIR: unused,
        NEO4J_DIST_DIR: unused,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    try {
      const deadline = Date.now() + 60_000;
      let ready = 0;
      while (Date.now() < deadline && ready !== 200) {
        ready = await fetch(`http://127.0.0.1:${port}/ready`).then(
          (r) => r.status,
          () => 0,
        );
        if (ready !== 200) await new Promise((r) => setTimeout(r, 250));
      }
      expect(ready, output).toBe(200);
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ serverInfo { database } }' }),
      });
      expect(await response.json()).toEqual({ data: { serverInfo: { database: 'neo4j' } } });
      expect(output).toContain('Using the Neo4j named by NEO4J_URI');
      expect(output).not.toContain('Starting Neo4j');
      expect(fs.existsSync(unused)).toBe(false);
    } finally {
      child.kill('SIGTERM');
      const code = await new Promise((resolve) => child.on('close', resolve));
      expect(code).toBe(0);
    }
  });
});
