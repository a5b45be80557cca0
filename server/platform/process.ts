import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";

/** Whether a process with this pid exists (a zombie, dead but not yet reaped, does not count). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  return procStat(pid)?.state !== "Z";
}

/** State and start time (clock ticks after boot) of a process, from /proc; null elsewhere or when gone. */
function procStat(pid: number): { state: string; start: string } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid …": comm may contain spaces and parentheses, so split after the last ")"
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { state: fields[0] ?? "", start: fields[19] ?? "" };
  } catch {
    return null;
  }
}

/** When the process started (Linux), to tell a live holder from a reused pid; null when unknown. */
export function processStartTime(pid: number): string | null {
  return procStat(pid)?.start ?? null;
}

/** The command line of a process (Linux), arguments joined with spaces; "" when unknown. */
export function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
  } catch {
    return "";
  }
}

/**
 * Stops a child process: `signal` (SIGTERM by default), then SIGKILL when it has not exited after
 * `timeoutMs`. Resolves once it has exited, so a child that ignores the signal cannot hold up the
 * caller for longer than the timeout.
 */
export async function stopChild(child: ChildProcess, timeoutMs = 10_000, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}

/** Stops a process that is not our child (an orphan of an earlier run): `signal`, then SIGKILL. */
export async function stopPid(pid: number, timeoutMs = 10_000, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  const waitGone = async (ms: number) => {
    const deadline = Date.now() + ms;
    while (isAlive(pid) && Date.now() < deadline) await sleep(100);
    return !isAlive(pid);
  };
  try {
    process.kill(pid, signal);
  } catch {
    return;
  }
  if (await waitGone(timeoutMs)) return;
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    return;
  }
  await waitGone(5_000);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The given port when it is free on 127.0.0.1, otherwise (or with none given) any free port. */
export async function freePort(preferred = 0): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const srv = net.createServer();
      srv.once("error", () => resolve(null));
      srv.listen(port, "127.0.0.1", () => {
        const address = srv.address();
        const got = typeof address === "object" && address ? address.port : null;
        srv.close(() => resolve(got));
      });
    });
  if (preferred) {
    const got = await tryPort(preferred);
    if (got) return got;
  }
  const any = await tryPort(0);
  if (!any) throw new Error("no free TCP port on 127.0.0.1");
  return any;
}

export function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

export function writeJson(file: string, value: unknown) {
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + "\n", { mode: 0o600 });
}

/** The last lines of a log file, for an error message. */
export function tail(file: string, lines = 8): string {
  try {
    const text = fs.readFileSync(file, "utf8");
    return text.trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}
