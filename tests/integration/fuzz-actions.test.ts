// First: Next's request stores need the AsyncLocalStorage global before any next/* module loads.
import "../support/next-async-storage";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { redirect } from "next/navigation";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ActionCaller, actionCoreOf } from "@/lib/auth/action";
import { can } from "@/lib/auth/permissions";
import type { DatabaseHandle } from "@/lib/db/client";
import type { User } from "@/lib/db/schema";
import { configFrom } from "@/lib/env";
import { backends } from "../support/databases";
import { buildWorld, type Letter, markersOf, untouchable, type World } from "../support/fuzz-actions-world";
import { fuzzInput } from "../support/fuzz-inputs";
import { inActionScope } from "../support/next-request-scope";
import { validSendInput } from "../support/send-arbitraries";
import { startSimulator, type TestSimulator } from "../support/simulator";

/**
 * Issue 16 item 8, the actions half (the parsers: tests/unit/fuzz-parsers.test.ts): every server
 * action's defineAction wrapper, with the app's own handler, config and database, driven with random
 * input as nobody, a rep, a manager and an admin. Allowed answers: a redirect (to sign-in for nobody),
 * field errors, a refusal, or success; never the action's catch-all failure (a thrown handler, a 500),
 * never a marker of a team b send to a caller outside team b, and nothing of team b, other people's
 * read marks, users or spend settings changed by a rep or a manager. One backend (PostgreSQL when
 * TEST_DATABASE_URL is set): this is about inputs and scope, not races, and 10,000 calls take time.
 */
const TOTAL = 10_000;
const MODULES = {
  send: () => import("@/app/(app)/send/actions"),
  bulk: () => import("@/app/(app)/send/bulk/actions"),
  approvals: () => import("@/app/(app)/approvals/actions"),
  history: () => import("@/app/(app)/history/[id]/actions"),
  check: () => import("@/app/(app)/history/[id]/check-actions"),
  notifications: () => import("@/app/(app)/notifications/actions"),
  settings: () => import("@/app/(app)/settings/actions"),
  preferences: () => import("@/app/(app)/settings/notification-actions"),
  messages: () => import("@/app/(app)/settings/message-actions"),
  spend: () => import("@/app/(app)/admin/spend/actions"),
  users: () => import("@/app/(app)/admin/users/actions"),
};
type Core = NonNullable<ReturnType<typeof actionCoreOf>>;
type Role = "nobody" | "rep" | "manager" | "admin";

/** Objects whose fields are mostly valid for some action (zod strips the rest), so handlers run. */
const plausible = (known: string[]) =>
  fc.record(
    {
      team: fc.constantFrom("a", "b", "zz"),
      amount: fc.constantFrom("100", "0", "12.5", 100),
      period: fc.constantFrom("monthly", "quarterly"),
      threshold: fc.constantFrom("50", "150"),
      budgetAmount: fc.constantFrom("1000", ""),
      dailyCapPerRep: fc.constantFrom("5", ""),
      overBudgetNeedsApproval: fc.boolean(),
      touchId: fc.constantFrom(1001, 2_147_483_647, 2_147_483_648, "1002"),
      userId: fc.constantFrom(...known),
      id: fc.constantFrom(...known),
      ids: fc.array(fc.constantFrom(...known), { maxLength: 3 }),
      role: fc.constantFrom("rep", "manager", "admin", "root"),
      purpose: fc.constantFrom("own", "shared"),
      returnTo: fc.constantFrom("/send", "/history", "https://evil.example", "//evil.example"),
      name: fc.string({ maxLength: 20 }),
      body: fc.string({ maxLength: 40 }),
      scope: fc.constantFrom("team", "personal", "org"),
    },
    { requiredKeys: [] },
  );

const backend = backends[backends.length - 1] as (typeof backends)[number];
const sameOrigin = new Headers({ origin: "http://localhost:3000", host: "localhost:3000" });
const crossOrigin = new Headers({ origin: "https://evil.example", host: "localhost:3000" });

describe(`every server action, fuzzed as each role and as nobody, on ${backend.name}`, () => {
  let database: DatabaseHandle;
  let sim: TestSimulator;
  let world: World;
  const actions: [string, Core][] = [];
  const global = globalThis as { giftDeskDb?: Promise<DatabaseHandle>; giftDeskConfig?: unknown };

  beforeAll(async () => {
    [database, sim] = await Promise.all([backend.open(), startSimulator()]);
    const tokenKey = randomBytes(32).toString("base64");
    // The app's own config and database handle (lib/env.ts, lib/db/index.ts keep them on globalThis).
    global.giftDeskConfig = configFrom({
      NODE_ENV: "test",
      GIFT_DESK_DATA_DIR: mkdtempSync(path.join(tmpdir(), "fuzz-actions-")),
      AUTH_SECRET: randomBytes(24).toString("hex"),
      TOKEN_ENCRYPTION_KEY: tokenKey,
      SANDBOX_SENDOSO_URL: sim.baseUrl,
      AUTH_URL: "http://localhost:3000",
    });
    global.giftDeskDb = Promise.resolve(database);
    world = await buildWorld(database.db, sim, tokenKey);
    for (const [module, load] of Object.entries(MODULES)) {
      for (const [name, exported] of Object.entries(await load())) {
        const core = typeof exported === "function" ? actionCoreOf(exported) : undefined;
        if (core) actions.push([`${module}.${name}`, core]);
      }
    }
  }, 120_000);
  afterAll(async () => {
    global.giftDeskDb = undefined;
    global.giftDeskConfig = undefined;
    await Promise.all([database?.close(), sim?.close()]);
  });

  const userOf = (role: Role): User | null =>
    role === "nobody"
      ? null
      : role === "rep"
        ? world.rep.a
        : role === "manager"
          ? world.manager
          : world.admin;
  /** Team b is outside everyone's scope but an admin's (and rep b's, who is not fuzzed). */
  const outside = (role: Role): Letter[] => (role === "admin" ? [] : ["b"]);

  /** As requireUser: the user, or a redirect to sign-in. Headers as a browser (or a forger) sends them. */
  const callerFor = (user: User | null, headers: Headers): ActionCaller => ({
    user: async () => user ?? redirect("/signin"),
    headers: async () => headers,
  });

  const inputs = () =>
    fc.tuple(
      fc.oneof(
        fuzzInput(world.known),
        validSendInput.map((v) => ({ ...v, recipientEmail: world.emails[v.touchId.toString().length % 6] })),
        plausible(world.known),
        fc.record({
          sendId: fc.constantFrom(...world.known),
          reason: fc.string({ maxLength: 40 }),
          ids: fc.array(fc.constantFrom(...world.known), { maxLength: 3 }),
          connectionId: fc.constantFrom(...world.known),
        }),
      ),
      // Mostly from Gift Desk's own pages; sometimes forged from another site.
      fc.oneof(
        { weight: 6, arbitrary: fc.constant(sameOrigin) },
        { weight: 1, arbitrary: fc.constant(crossOrigin) },
      ),
    );

  async function outcomeOf(core: Core, caller: ActionCaller, input: unknown) {
    try {
      return { result: await inActionScope(() => core.run(caller, input)) };
    } catch (error) {
      // digest: NEXT_REDIRECT;<type>;<url>;<status>
      if (isRedirectError(error)) return { redirect: error.digest.split(";")[2] };
      throw error;
    }
  }

  /** One call's verdict; `seen` tallies what the calls ended in, so a green run shows what it reached. */
  async function check(name: string, core: Core, role: Role, input: unknown, headers: Headers) {
    const user = userOf(role);
    const outcome = await outcomeOf(core, callerFor(user, headers), input);
    if (!user) {
      expect(outcome, name).toEqual({ redirect: "/signin" });
      return "redirect to sign-in";
    }
    const text = JSON.stringify(outcome);
    for (const marker of outside(role).flatMap(markersOf))
      expect(text, `${name} leaked ${marker}`).not.toContain(marker);
    const forged = headers === crossOrigin && core.sameOriginOnly;
    if (forged) expect(JSON.stringify(outcome), `${name} ran a forged request`).toMatch(/did not come from/);
    if (!outcome.result) return "redirect";
    const result = outcome.result;
    if (result.ok) {
      expect(can(user.role, core.permission), `${name} ran for ${role}`).toBe(true);
      return "ok";
    }
    expect(typeof result.formError, name).toBe("string");
    // The catch-all message means the handler threw: what a 500 would be.
    expect(result.formError, `${name} threw for ${JSON.stringify(input)}`).not.toBe(core.failureMessage);
    return result.fieldErrors ? "field errors" : (result.formError ?? "").slice(0, 32);
  }

  it.each(["nobody", "rep", "manager", "admin"] as Role[])(
    "as %s",
    async (role) => {
      const user = userOf(role);
      const runs = Math.ceil(TOTAL / (4 * actions.length));
      const before = user && role !== "admin" ? await untouchable(database.db, world, user) : null;
      const seen = new Map<string, number>();
      const reached = new Set<string>();
      for (const [name, core] of actions) {
        await fc.assert(
          fc.asyncProperty(inputs(), async ([input, headers]) => {
            const verdict = await check(name, core, role, input, headers);
            seen.set(verdict, (seen.get(verdict) ?? 0) + 1);
            if (verdict === "ok") reached.add(name);
          }),
          { numRuns: runs },
        );
      }
      const calls = [...seen.values()].reduce((a, b) => a + b, 0);
      console.info(`fuzz-actions as ${role}: ${calls} calls, ${JSON.stringify(Object.fromEntries(seen))}`);
      console.info(`  succeeded at least once: ${[...reached].sort().join(", ")}`);
      if (before && user) {
        const after = await untouchable(database.db, world, user);
        // New notices for others are fine (a send tells approvers); marking others' as read is not.
        const existed = new Set(before.othersRead.map((n: { id: number }) => n.id));
        after.othersRead = after.othersRead.filter((n: { id: number }) => existed.has(n.id));
        expect(after).toEqual(before);
      }
    },
    120_000,
  );
});
