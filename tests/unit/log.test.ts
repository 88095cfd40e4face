import { Writable } from "node:stream";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";
import { describe, expect, it, vi } from "vitest";
import { createLogger } from "@/lib/log";
import { rememberLogUser } from "@/lib/log/context";
import { scrub } from "@/lib/log/redact";

// Next's server runtime provides AsyncLocalStorage globally before its request store is created.
await vi.hoisted(async () => {
  const { AsyncLocalStorage } = await import("node:async_hooks");
  (globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage = AsyncLocalStorage;
});

/** A logger writing into an array, one parsed JSON object per line. */
function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  const logger = createLogger(sink);
  return {
    logger,
    records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
    raw: () => lines.join("\n"),
  };
}

/** Runs `fn` as Next runs a request handler: inside its request store, with proxy.ts's request id. */
function inRequest<T>(requestId: string, fn: () => T): T {
  const store = { type: "request", headers: new Headers({ "x-request-id": requestId }) };
  return workUnitAsyncStorage.run(store as never, fn);
}

describe("the logger", () => {
  it("writes one JSON object per line with level, time, service and message", () => {
    const { logger, records } = capture();
    logger.info({ sendId: "s1" }, "send recorded");
    logger.warn("two lines");
    const [first, second] = records();
    expect(first).toMatchObject({ level: "info", service: "gift-desk", sendId: "s1", msg: "send recorded" });
    expect(new Date(String(first?.time)).toString()).not.toBe("Invalid Date");
    expect(second).toMatchObject({ level: "warn", msg: "two lines" });
  });

  it("puts the request id, and the user once the session is read, on every line of a request", async () => {
    const { logger, records } = capture();
    await inRequest("req-12345678", async () => {
      logger.info("before the session");
      rememberLogUser("user-42");
      await new Promise((r) => setTimeout(r, 5));
      logger.info("after an await");
    });
    logger.info("outside any request");
    const [before, after, outside] = records();
    expect(before).toMatchObject({ requestId: "req-12345678" });
    expect(before).not.toHaveProperty("userId");
    expect(after).toMatchObject({ requestId: "req-12345678", userId: "user-42" });
    expect(outside).not.toHaveProperty("requestId");
    expect(outside).not.toHaveProperty("userId");
  });

  it("redacts authorization headers, cookies, tokens and secrets wherever they sit", () => {
    const { logger, raw, records } = capture();
    logger.info(
      {
        headers: { authorization: "Bearer abc.def", cookie: "authjs.session-token=xyz" },
        connection: { accessToken: "at-secret", refreshToken: "rt-secret" },
        email: { smtpUrl: "smtps://mailer:hunter2@smtp.example.com:465" },
        clientSecret: "cs-secret",
      },
      "calling out",
    );
    const text = raw();
    for (const secret of ["abc.def", "xyz", "at-secret", "rt-secret", "hunter2", "cs-secret"]) {
      expect(text).not.toContain(secret);
    }
    expect(records()[0]).toMatchObject({ headers: { authorization: "[redacted]", cookie: "[redacted]" } });
  });

  it("scrubs credentials inside messages and errors (an SMTP URL in an error message)", () => {
    const { logger, raw, records } = capture();
    const err = new Error("connect failed for smtps://mailer:hunter2@smtp.example.com:465 (Bearer tok-123)");
    logger.error({ err }, "email delivery failed");
    logger.warn("retrying smtps://mailer:hunter2@smtp.example.com:465 with whsec_c2VjcmV0c2VjcmV0");
    expect(raw()).not.toContain("hunter2");
    expect(raw()).not.toContain("tok-123");
    expect(raw()).not.toContain("whsec_c2Vj");
    expect(records()[0]?.err).toMatchObject({
      type: "Error",
      message: expect.stringContaining("smtps://[redacted]@"),
    });
    const logged = records()[0]?.err as { stack?: string } | undefined;
    expect(logged?.stack).toContain("log.test.ts");
  });

  it("scrub leaves ordinary text alone", () => {
    expect(scrub("sent 3 gifts to https://app.sendoso.com/api/v3/send")).toBe(
      "sent 3 gifts to https://app.sendoso.com/api/v3/send",
    );
  });
});
