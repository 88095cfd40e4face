import { beforeEach, describe, expect, it, vi } from "vitest";

const config = { cronSecret: "a-long-cron-secret-value" as string | undefined };
const runSyncJob = vi.fn();
vi.mock("@/lib/env", () => ({ getConfig: () => config }));
vi.mock("@/lib/jobs/runs", () => ({ runSyncJob: () => runSyncJob() }));

const { POST } = await import("@/app/api/cron/sync/route");

const call = (authorization?: string) =>
  POST(
    new Request("http://localhost/api/cron/sync", {
      method: "POST",
      headers: authorization ? { authorization } : {},
    }),
  );

describe("POST /api/cron/sync", () => {
  beforeEach(() => {
    config.cronSecret = "a-long-cron-secret-value";
    runSyncJob.mockReset();
  });

  it.each([
    ["no Authorization header", undefined],
    ["a wrong secret", "Bearer not-the-secret"],
    ["the secret without the Bearer scheme", "a-long-cron-secret-value"],
  ])("refuses %s with 401 and runs nothing", async (_label, authorization) => {
    const response = await call(authorization);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "unauthorized" });
    expect(runSyncJob).not.toHaveBeenCalled();
  });

  it("refuses everyone when no CRON_SECRET is configured", async () => {
    config.cronSecret = undefined;
    expect((await call("Bearer ")).status).toBe(401);
    expect((await call("Bearer undefined")).status).toBe(401);
    expect(runSyncJob).not.toHaveBeenCalled();
  });

  it("runs the sync and answers with its counts", async () => {
    runSyncJob.mockResolvedValue({ ran: true, result: { looked: 3, resolved: 1, ambiguous: 1 } });
    const response = await call("Bearer a-long-cron-secret-value");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ran: true, looked: 3, resolved: 1, ambiguous: 1 });
    expect(runSyncJob).toHaveBeenCalledTimes(1);
  });

  it("says so when another instance holds the lease", async () => {
    runSyncJob.mockResolvedValue({ ran: false });
    const response = await call("Bearer a-long-cron-secret-value");
    expect(await response.json()).toEqual({ ran: false });
  });
});
