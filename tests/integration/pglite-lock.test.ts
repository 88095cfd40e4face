import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "@/lib/db/client";
import { users } from "@/lib/db/schema";

const dir = path.join(mkdtempSync(path.join(tmpdir(), "giftdesk-lock-")), "nested", "pglite");

function openInAnotherProcess() {
  const started = Date.now();
  const child = spawnSync("node_modules/.bin/tsx", ["tests/support/open-pglite.ts", dir], {
    encoding: "utf8",
  });
  return { ...child, ms: Date.now() - started };
}

describe("embedded database folder lock", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    // Also proves parent folders are created: PGlite itself does not.
    handle = await openDatabase({ kind: "pglite", dir });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("makes a second process fail at once, naming the process that holds the folder", () => {
    const child = openInAnotherProcess();
    expect(child.status).toBe(3);
    expect(child.stderr).toContain(`already open in process ${process.pid}`);
    expect(child.stderr).toContain("DATABASE_URL");
  });

  it("lets the folder be opened again once the holder has closed it", async () => {
    await handle.db.insert(users).values({ issuer: "i", subject: "s", email: "a@giftdesk.test", name: "A" });
    await handle.close();
    const child = openInAnotherProcess();
    expect(child.stdout).toContain("opened");
    handle = await openDatabase({ kind: "pglite", dir });
    expect(await handle.db.select().from(users)).toHaveLength(1);
  });
});
