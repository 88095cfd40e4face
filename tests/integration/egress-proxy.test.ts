import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { getGlobalDispatcher, setGlobalDispatcher } from "undici";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { installEgressProxy } from "@/lib/net/egress";
import { sandboxClient } from "../support/send-deps";
import { startSimulator, type TestSimulator } from "../support/simulator";

/**
 * A real forward proxy, as corporate egress proxies are: CONNECT tunnels (what undici's proxy agent
 * opens, for http:// and https:// alike), each recorded.
 */
function startForwardProxy() {
  const seen: string[] = [];
  // Plain absolute-URI requests are not used by undici's agent: refusing them makes a change show.
  const server = http.createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    response.writeHead(405).end();
  });
  server.on("connect", (request, client, head) => {
    seen.push(`CONNECT ${request.url}`);
    const [host, port] = (request.url ?? "").split(":");
    const upstream = net.connect(Number(port), host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  return new Promise<{ url: string; seen: string[]; close(): Promise<void> }>((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        seen,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

describe("egress proxy (HTTP_PROXY / HTTPS_PROXY / NO_PROXY)", () => {
  let sim: TestSimulator;
  let proxy: Awaited<ReturnType<typeof startForwardProxy>>;
  const original = getGlobalDispatcher();
  beforeAll(async () => {
    [sim, proxy] = await Promise.all([startSimulator(), startForwardProxy()]);
  });
  afterEach(() => {
    setGlobalDispatcher(original);
    proxy.seen.length = 0;
  });
  afterAll(async () => {
    await Promise.all([sim?.close(), proxy?.close()]);
  });

  it("does nothing when no proxy is configured", async () => {
    expect(installEgressProxy({})).toBe(false);
    await sandboxClient(sim).me();
    expect(proxy.seen).toEqual([]);
  });

  it("sends the Sendoso client's calls (Node's built-in fetch) through the proxy", async () => {
    expect(installEgressProxy({ httpProxy: proxy.url })).toBe(true);
    const me = await sandboxClient(sim).me();
    expect(me.id).toBeGreaterThan(0);
    expect(proxy.seen).toEqual([`CONNECT ${new URL(sim.baseUrl).host}`]);
  });

  it("goes direct to hosts in NO_PROXY", async () => {
    installEgressProxy({ httpProxy: proxy.url, noProxy: "example.com,127.0.0.1" });
    await sandboxClient(sim).me();
    expect(proxy.seen).toEqual([]);
  });
});
