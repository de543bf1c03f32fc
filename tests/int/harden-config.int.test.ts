// The real server process refuses a configuration that must not run in production, before it starts
// anything: one `error:` line naming the variable, exit code 1.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../server/config.js';

function run(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'server', 'main.ts')], {
    cwd: ROOT_DIR,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    output += d.toString();
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe('start-up configuration', () => {
  it('refuses the development password in production, naming NEO4J_PASSWORD, before starting Neo4j', async () => {
    // A dist folder that does not exist: were the password accepted, starting Neo4j would fail differently.
    const { code, output } = await run({
      NODE_ENV: 'production',
      PORT: '0',
      NEO4J_DIST_DIR: path.join(ROOT_DIR, '.neo4j', 'no-such-dist'),
    });
    expect(code).toBe(1);
    expect(output.trim()).toBe(
      'error: NEO4J_PASSWORD is unset, so the development password would be used, which NODE_ENV=production refuses: set NEO4J_PASSWORD to a password of your own.',
    );
  });
});
