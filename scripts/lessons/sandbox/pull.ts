import { promises as dns } from 'node:dns';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { runCommand } from '../../support/docker.ts';
import type { SandboxDaemon } from './daemon.ts';

/**
 * Real images where they can be had. The sandbox itself never reaches out (it has no route), so a
 * real image comes in from outside: pulled by the machine's own engine, saved, and loaded into the
 * sandbox. That is the case on GitHub's runners; here no registry answers and stand-ins are built.
 */
const REGISTRY_HOST = 'registry-1.docker.io';

const withTimeout = <T>(promise: Promise<T>, ms: number, fallback: T) =>
  Promise.race([promise, new Promise<T>((resolve) => setTimeout(() => resolve(fallback), ms).unref())]);

/** Whether Docker Hub answers at all: a name lookup and a TCP connection, a few seconds at most. */
export async function registryReachable(host = REGISTRY_HOST, timeoutMs = 3000): Promise<boolean> {
  const address = await withTimeout(
    dns.lookup(host).then(
      (found) => found.address,
      () => undefined,
    ),
    timeoutMs,
    undefined,
  );
  if (!address) return false;
  return withTimeout(
    new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: address, port: 443 });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    }),
    timeoutMs,
    false,
  );
}

/** Pulls the real images with the host's engine and loads them into the sandbox; false if any step fails. */
export async function pullFromHost(daemon: SandboxDaemon, names: string[], log: (line: string) => void): Promise<boolean> {
  const version = await runCommand('docker', ['version', '--format', '{{.Server.Version}}'], { timeoutMs: 10_000 }).catch(() => undefined);
  if (version?.code !== 0) return false;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lesson-pull-'));
  try {
    for (const name of names) {
      const pull = await runCommand('docker', ['pull', '--quiet', name], { timeoutMs: 5 * 60_000 });
      if (pull.code !== 0) {
        log(`pull ${name} failed, building a stand-in: ${pull.stderr.trim().split('\n').at(-1)}`);
        return false;
      }
    }
    const archive = path.join(dir, 'images.tar');
    const save = await runCommand('docker', ['save', '--output', archive, ...names], { timeoutMs: 5 * 60_000 });
    if (save.code !== 0) return false;
    const load = await daemon.exec(['docker', 'load', '--quiet'], { stdinFile: archive, timeoutMs: 5 * 60_000 });
    if (load.code === 0) log(`pulled the real ${names.join(', ')}`);
    return load.code === 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
