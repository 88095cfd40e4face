import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

/**
 * PGlite keeps the whole database in the memory of the process that opened the folder and writes it back
 * on its own schedule: a second process on the same folder silently loses writes (and migrations). So the
 * process that opens the folder holds an exclusive lock file beside it, and any other process fails at
 * once with a message that names the holder. A lock left by a dead process is taken over.
 *
 * Hand-rolled rather than proper-lockfile because that package does not record who holds the lock.
 */
type LockOwner = { pid: number; host: string; command: string; since: string };

export class DirectoryLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly owner: LockOwner,
  ) {
    super(
      `The embedded database in ${dir} is already open in process ${owner.pid} (${owner.command}), ` +
        `since ${owner.since}. Two processes on one PGlite folder lose each other's writes, so this one stops. ` +
        "Stop the other process, or point this one at another folder (GIFT_DESK_DATA_DIR) or a PostgreSQL server (DATABASE_URL).",
    );
    this.name = "DirectoryLockedError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(lockFile: string): LockOwner | null {
  try {
    return JSON.parse(readFileSync(lockFile, "utf8")) as LockOwner;
  } catch {
    return null;
  }
}

/** Takes the lock or throws DirectoryLockedError; returns the release function. */
export function lockDirectory(dir: string): () => void {
  const lockFile = `${path.resolve(dir)}.lock`;
  mkdirSync(path.dirname(lockFile), { recursive: true });
  const me: LockOwner = {
    pid: process.pid,
    host: hostname(),
    command: process.argv.slice(1).join(" ").slice(0, 200),
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, "wx", 0o600);
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        if (readOwner(lockFile)?.pid === process.pid) unlinkSync(lockFile);
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readOwner(lockFile);
      const stale =
        owner !== null && owner.host === me.host && owner.pid !== process.pid && !isAlive(owner.pid);
      if (!stale && owner) throw new DirectoryLockedError(dir, owner);
      // A dead holder, or a lock file cut short by a crash while it was being written.
      unlinkSync(lockFile);
    }
  }
  throw new Error(`Could not lock ${dir}: another process keeps taking the lock.`);
}
