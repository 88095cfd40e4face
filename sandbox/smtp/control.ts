/**
 * The sink's HTTP control endpoint (for tests and for reading dev email in a browser):
 *   GET    /__smtp/health            → { ok, smtpPort }
 *   GET    /__smtp/messages?to=addr  → { messages } (oldest first; `to` filters by envelope recipient)
 *   DELETE /__smtp/messages          → forgets every message
 *   PUT    /__smtp/refusal           → body { "code": 550, "message": "No such user" }: refuse every recipient
 *   DELETE /__smtp/refusal           → accept again
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Refusal, SmtpSink } from "./sink";

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body, null, 2));
}

async function readRefusal(req: IncomingMessage): Promise<Refusal | null> {
  let raw = "";
  for await (const chunk of req) {
    raw += chunk;
    if (raw.length > 10_000) return null;
  }
  try {
    const body = JSON.parse(raw) as { code?: unknown; message?: unknown };
    const code = Number(body.code);
    if (!Number.isInteger(code) || code < 400 || code > 599) return null;
    return { code, message: typeof body.message === "string" ? body.message : "Refused by the test sink" };
  } catch {
    return null;
  }
}

export function createControlServer(sink: SmtpSink, smtpPort: number): Server {
  return createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://sink");
    const route = `${req.method} ${url.pathname}`;
    if (route === "GET /__smtp/health") return sendJson(res, 200, { ok: true, smtpPort });
    if (route === "GET /__smtp/messages") {
      return sendJson(res, 200, { messages: sink.messages(url.searchParams.get("to") ?? undefined) });
    }
    if (route === "DELETE /__smtp/messages") {
      sink.clear();
      return sendJson(res, 200, { ok: true });
    }
    if (route === "PUT /__smtp/refusal") {
      const refusal = await readRefusal(req);
      if (!refusal)
        return sendJson(res, 400, { error: 'Body must be JSON like {"code": 550, "message": "…"}' });
      sink.refuse(refusal);
      return sendJson(res, 200, { ok: true, refusal });
    }
    if (route === "DELETE /__smtp/refusal") {
      sink.refuse(null);
      return sendJson(res, 200, { ok: true });
    }
    sendJson(res, 404, { error: `No control endpoint ${route}` });
  });
}

/** Starts the HTTP control server; resolves with its bound port. */
export function listenControl(server: Server, port: number, host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}
