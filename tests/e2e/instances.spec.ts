import { maxPerSecond } from "../../bench/instances/drive";
import { runScenario } from "../../bench/instances/scenario";
import { expect, test } from "./support/test";

/**
 * N instances behave as one (issue 13): three `next start` processes on one PostgreSQL database and one
 * Sendoso simulator; 30 reps send 300 gifts spread over them, every 10th submitted twice at once to two
 * instances, and one instance is SIGKILLed when half the sends have started. A Playwright spec (no
 * browser) because it needs the build, which npm test makes after Vitest. PostgreSQL only (PGlite is one
 * process). Size: INSTANCES_SENDS (300), INSTANCES_REPS (30), INSTANCES_RATE (20 POSTs/s).
 */
const servers = process.env.TEST_DATABASE_URL ? [process.env.TEST_DATABASE_URL] : [];
const SENDS = Number(process.env.INSTANCES_SENDS ?? 300);
const REPS = Number(process.env.INSTANCES_REPS ?? 30);
const RATE = Number(process.env.INSTANCES_RATE ?? 20);

for (const adminUrl of servers) {
  test("three instances on one database: one row per intent, one POST per row, the shared rate, none stuck", async () => {
    test.setTimeout(300_000);
    const report = await runScenario({
      adminUrl,
      instances: 3,
      reps: REPS,
      sends: SENDS,
      rateLimitPerSecond: RATE,
      doubleSubmitEvery: 10,
      killOne: true,
    });
    const { results, posts, rowsPerKey } = report;
    const tally = (outcome: string) => results.filter((r) => r.outcome === outcome).length;
    console.log(
      `instances: ${tally("sent")} sent, ${tally("unknown")} unknown, ${tally("cut")} cut by the kill, ${tally("refused")} refused; ` +
        `${posts.length} POSTs, peak ${maxPerSecond(posts.map((p) => p.at))}/s; rows by state ${JSON.stringify(report.states)}`,
    );
    expect(results).toHaveLength(SENDS);

    // Every intent is at most one row, and exactly one when the rep was told it was sent or unknown.
    for (const result of results) {
      expect(rowsPerKey.get(result.key) ?? 0).toBeLessThanOrEqual(1);
      if (result.outcome === "sent" || result.outcome === "unknown")
        expect(rowsPerKey.get(result.key)).toBe(1);
    }
    expect(rowsPerKey.size).toBeLessThanOrEqual(SENDS);

    // At most one POST per row (recipients are unique per intent), never more POSTs than rows.
    const postsPerEmail = new Map<string, number>();
    for (const post of posts) postsPerEmail.set(post.email, (postsPerEmail.get(post.email) ?? 0) + 1);
    expect([...postsPerEmail.values()].filter((n) => n > 1)).toEqual([]);
    expect(posts.length).toBeLessThanOrEqual(rowsPerKey.size);

    // The limiter is shared through the database: all instances together stay within the limit.
    expect(maxPerSecond(posts.map((p) => p.at))).toBeLessThanOrEqual(RATE);

    // After the kill, nothing is left queued or in flight: every send is settled or unknown.
    expect(report.stuck, JSON.stringify(report.states)).toBe(0);
    // The survivors kept sending: only calls cut off by the kill may have failed.
    const cut = results.filter((r) => r.outcome === "cut").length;
    expect(results.filter((r) => r.outcome === "sent").length).toBeGreaterThanOrEqual(SENDS - cut - REPS);
  });
}
