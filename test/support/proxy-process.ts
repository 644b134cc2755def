import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { childEnv } from './run-specs';

const ROOT = join(__dirname, '..', '..');

export interface Proxy {
  url: string;
  pid: number;
  stop(): Promise<{ code: number | null; out: string }>;
}

/** Start `npm run proxy` as a user would (through tsx), wait until it listens, and stop it with SIGINT. */
export function startProxy(args: string[], env: Record<string, string>): Promise<Proxy> {
  const child: ChildProcess = spawn(process.execPath, ['--require', 'tsx/cjs', 'harness/proxy/cli.ts', '--port', '0', ...args], {
    cwd: ROOT,
    env: childEnv(env),
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (https?:\/\/\S+)/.exec(out)?.[1];
      if (url)
        resolve({
          url,
          pid: child.pid as number,
          stop: async () => {
            child.kill('SIGINT');
            const code = await exited;
            return { code, out };
          },
        });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    exited.then((code) => reject(new Error(`the proxy exited (${code}) before listening:\n${out}`)));
    setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the proxy did not listen within 20 s:\n${out}`));
    }, 20000).unref();
  });
}
