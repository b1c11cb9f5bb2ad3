// Real control-plane processes for the fault tests: `node --import tsx <entry>` (not the tsx CLI,
// which would put a second process between the test and the one it means to kill). Output goes to
// memory and to a file, so a test can read what a process said and grep every log of the run.
import { type ChildProcess, spawn } from "node:child_process";
import { appendFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

export const API_DIR = path.resolve(import.meta.dirname, "../../..");

export type RunningProcess = {
  readonly child: ChildProcess;
  readonly pid: number;
  output(): string;
  /** Resolves with how the process ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once a line of output matches. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
};

export function startProcess(entry: string, env: Record<string, string>, logFile: string): RunningProcess {
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: API_DIR,
    env: { ...process.env, NODE_ENV: "test", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (child.pid === undefined) throw new Error(`could not start ${entry}`);
  let text = "";
  const listeners = new Set<() => void>();
  const take = (chunk: Buffer) => {
    text += chunk.toString();
    appendFileSync(logFile, chunk);
    for (const listener of listeners) listener();
  };
  child.stdout?.on("data", take);
  child.stderr?.on("data", take);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    pid: child.pid,
    output: () => text,
    exited,
    waitForOutput(pattern, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!pattern.test(text)) return;
          done();
          resolve();
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`${entry} did not print ${pattern} within ${timeoutMs} ms:\n${text.slice(-2_000)}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        void exited.then(() => {
          if (!listeners.has(check)) return;
          done();
          reject(new Error(`${entry} exited before printing ${pattern}:\n${text.slice(-2_000)}`));
        });
        check();
      });
    },
  };
}

/** A port the OS says is free now (fixed ports collide with other runs on the machine). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port"))));
    });
  });
}
