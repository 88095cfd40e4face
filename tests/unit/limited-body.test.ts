import { describe, expect, it } from "vitest";
import { readBodyLimited } from "@/lib/security/limited-body";

/** A chunked body (no Content-Length) of `chunks` × 16 KB that counts how much was pulled. */
function chunkedRequest(chunks: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(16 * 1024).fill(97));
    },
  });
  const request = new Request("http://localhost/api/sendoso/webhooks", {
    method: "POST",
    body,
    duplex: "half",
  } as RequestInit);
  return { request, pulled: () => pulled };
}

describe("readBodyLimited (issue 16 item 7: webhook body byte counter)", () => {
  it("stops reading a chunked body as soon as it passes the limit", async () => {
    const big = chunkedRequest(1_000); // 16 MB if read whole
    expect(await readBodyLimited(big.request, 64 * 1024)).toBeNull();
    expect(big.pulled()).toBeLessThanOrEqual(6);
  });

  it("returns a body within the limit as text, byte for byte", async () => {
    const small = chunkedRequest(2);
    expect(await readBodyLimited(small.request, 64 * 1024)).toBe("a".repeat(32 * 1024));
    const utf8 = new Request("http://localhost/", { method: "POST", body: '{"n":"Zoë"}' });
    expect(await readBodyLimited(utf8, 64)).toBe('{"n":"Zoë"}');
  });

  it("refuses a declared Content-Length over the limit without reading", async () => {
    const request = new Request("http://localhost/", {
      method: "POST",
      body: "x",
      headers: { "content-length": String(1024 * 1024) },
    });
    expect(await readBodyLimited(request, 64 * 1024)).toBeNull();
  });
});
