import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST_IDLE_MS, postExchange } from "@/lib/sendoso/post-transport";

/**
 * A load balancer that drops idle connections after DROP_AFTER_MS without telling the client (no FIN):
 * the next request written on such a socket is reset. It still advertises a long keep-alive, as a
 * backend behind it would. POST /send must never be written on a socket that old.
 */
const DROP_AFTER_MS = POST_IDLE_MS + 500;

describe("POST /send connections", () => {
  let server: http.Server;
  let url: string;
  const idleSince = new WeakMap<Socket, number>();
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const since = idleSince.get(req.socket);
      sockets.add(req.socket);
      if (since !== undefined && Date.now() - since > DROP_AFTER_MS) {
        req.socket.destroy();
        return;
      }
      req.resume();
      req.on("end", () => {
        res.setHeader("Keep-Alive", "timeout=600");
        res.end(JSON.stringify({ success: true }));
        res.on("finish", () => idleSince.set(req.socket, Date.now()));
      });
    });
    server.keepAliveTimeout = 600_000;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v3/send`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = () =>
    postExchange({
      url,
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
      timeoutMs: 5_000,
      signal: AbortSignal.timeout(5_000),
    });

  it("reuses a socket idle for a moment, but never one idle longer than POST_IDLE_MS", async () => {
    expect(await post()).toMatchObject({ kind: "response", status: 200 });
    expect(await post()).toMatchObject({ kind: "response", status: 200 });
    expect(sockets.size).toBe(1);
    // Past the balancer's idle timeout: a reused socket would be reset (an "unknown" for a real send).
    await new Promise((r) => setTimeout(r, DROP_AFTER_MS + 300));
    expect(await post()).toMatchObject({ kind: "response", status: 200 });
    expect(sockets.size).toBe(2);
  }, 15_000);
});
