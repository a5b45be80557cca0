import crypto from "node:crypto";
import fs from "node:fs";
import { isAlive, processStartTime } from "./process";

interface Holder { pid: number; start: string | null }

export interface Lock {
  /** Removes the lock file if it still names this process; safe to call more than once. */
  release(): void;
}

export type LockAttempt = { lock: Lock } | { holder: number };

function holderAlive(holder: Holder): boolean {
  if (!Number.isInteger(holder.pid) || holder.pid <= 0 || !isAlive(holder.pid)) return false;
  // the same pid with another start time is a new process that reused the number
  const start = processStartTime(holder.pid);
  return holder.start === null || start === null || start === holder.start;
}

function readHolder(file: string): { text: string; holder: Holder | null } | null {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
  try {
    const parsed = JSON.parse(text) as Partial<Holder>;
    return { text, holder: typeof parsed.pid === "number" ? { pid: parsed.pid, start: parsed.start ?? null } : null };
  } catch {
    return { text, holder: null };
  }
}

/**
 * One process per data folder: takes `file` for this process, or names the live process that
 * holds it. The lock file is created atomically with its content complete (written beside it,
 * then hard-linked into place: the link fails when the file exists, like O_EXCL). A lock whose
 * holder is dead (or whose pid now belongs to another process) is stale and taken over: it is
 * moved aside atomically, and put back if what was moved turns out to be another taker's fresh
 * lock. Holders in this same process count as live: a second start here joins the first.
 */
export function tryLock(file: string): LockAttempt {
  const me: Holder = { pid: process.pid, start: processStartTime(process.pid) };
  const mine = JSON.stringify(me) + "\n";
  for (let attempt = 0; attempt < 20; attempt++) {
    const candidate = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}`;
    fs.writeFileSync(candidate, mine, { mode: 0o600 });
    try {
      fs.linkSync(candidate, file);
      let released = false;
      return {
        lock: {
          release: () => {
            if (!released) releaseIfMine(file, mine);
            released = true;
          },
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    } finally {
      fs.rmSync(candidate, { force: true });
    }

    const current = readHolder(file);
    if (!current) continue; // released meanwhile: try again
    if (current.holder && holderAlive(current.holder)) return { holder: current.holder.pid };

    // stale: move it aside, then check that the stale one is what was moved
    const aside = `${file}.stale.${process.pid}.${crypto.randomBytes(4).toString("hex")}`;
    try {
      fs.renameSync(file, aside);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw e;
    }
    let moved = "";
    try {
      moved = fs.readFileSync(aside, "utf8");
    } catch {
      // gone: nothing to put back
    }
    if (moved !== current.text) {
      try {
        fs.linkSync(aside, file); // another starter's live lock: put it back
      } catch {
        // a third starter took the free slot meanwhile; the loop sorts it out
      }
    }
    fs.rmSync(aside, { force: true });
  }
  throw new Error(`could not take the lock ${file}: it keeps changing hands`);
}

function releaseIfMine(file: string, mine: string) {
  try {
    if (fs.readFileSync(file, "utf8") === mine) fs.rmSync(file, { force: true });
  } catch {
    // already gone
  }
}
