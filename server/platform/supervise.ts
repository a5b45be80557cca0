import type { ChildProcess } from "node:child_process";
import { stopChild } from "./process";

export interface SupervisorOptions {
  /** for the log: "meilisearch", "postgres" */
  name: string;
  /** spawns the service and resolves once it answers; rejects (its child stopped) when it cannot */
  start: () => Promise<ChildProcess>;
  /** restart after a crash (default true) */
  restart?: boolean;
  /** how the service is asked to stop before SIGKILL (PostgreSQL: SIGINT, a fast shutdown) */
  stopSignal?: NodeJS.Signals;
  stopTimeoutMs?: number;
  /** the service is down for good: stopped from outside, or crashed with restarts off */
  onGone?: () => void;
  log?: (line: string) => void;
  /** first delay before a restart; doubles on every failed restart up to maxBackoffMs */
  backoffMs?: number;
  maxBackoffMs?: number;
}

export interface Supervisor {
  /** the running child, null while it is down or being restarted */
  readonly child: ChildProcess | null;
  stop(): Promise<void>;
}

/**
 * An exit the service was asked for: a clean exit, or the end of SIGINT / SIGTERM (Ctrl-C in the
 * terminal reaches the whole process group). Anything else — SIGKILL, a crash, a non-zero exit —
 * is a crash.
 */
function askedToStop(code: number | null, signal: NodeJS.Signals | null): boolean {
  return code === 0 || code === 130 || code === 143 || signal === "SIGINT" || signal === "SIGTERM";
}

/**
 * Keeps a service process running: starts it, and when it crashes starts it again after a delay
 * that grows with every failed attempt (1 s, 2 s, 4 s … 30 s), back to the first once a run has
 * lasted a minute. `stop()` ends the supervision and stops the process.
 */
export async function supervise(options: SupervisorOptions): Promise<Supervisor> {
  const log = options.log ?? (() => {});
  const first = options.backoffMs ?? 1_000;
  const max = options.maxBackoffMs ?? 30_000;
  let child: ChildProcess | null = null;
  let stopping = false;
  let delay = first;
  let timer: NodeJS.Timeout | null = null;
  let restarting: Promise<void> | null = null;

  const watch = (running: ChildProcess) => {
    const since = Date.now();
    running.once("exit", (code, signal) => {
      if (child === running) child = null;
      if (stopping) return;
      if (askedToStop(code, signal) || options.restart === false) {
        log(`${options.name} stopped (${signal ?? `exit code ${code}`})`);
        options.onGone?.();
        return;
      }
      if (Date.now() - since > 60_000) delay = first;
      log(`${options.name} crashed (${signal ?? `exit code ${code}`}); restarting in ${Math.round(delay / 1000)} s`);
      schedule();
    });
  };

  const schedule = () => {
    timer = setTimeout(() => {
      timer = null;
      restarting = options.start().then(
        (next) => {
          restarting = null;
          if (stopping) return stopChild(next, options.stopTimeoutMs ?? 10_000, options.stopSignal);
          child = next;
          watch(next);
          log(`${options.name} restarted (pid ${next.pid})`);
        },
        (e: Error) => {
          restarting = null;
          if (stopping) return;
          delay = Math.min(delay * 2, max);
          log(`${options.name} could not restart: ${e.message}; trying again in ${Math.round(delay / 1000)} s`);
          schedule();
        },
      );
    }, delay);
    timer.unref();
  };

  child = await options.start();
  watch(child);

  return {
    get child() {
      return child;
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      await restarting;
      if (child) await stopChild(child, options.stopTimeoutMs ?? 10_000, options.stopSignal);
    },
  };
}
