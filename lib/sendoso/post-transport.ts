import http from "node:http";
import https from "node:https";
import type { Exchange, ExchangeRequest } from "./transport";

/**
 * POST /send on its own connection pool, whose idle sockets live at most POST_IDLE_MS. fetch's pool
 * keeps a socket as long as the server's Keep-Alive hint says (up to 10 min); a load balancer in front
 * of Sendoso that drops idle connections sooner (60 s is common) turns the next POST written on that
 * socket into a reset, which we must call "unknown" (it may have been read). A socket idle for less
 * than this is far younger than any usual idle timeout (Node 5 s, ALB 60 s, nginx 75 s), and a socket
 * the server closed first is destroyed by Node on its FIN before it could be reused.
 */
export const POST_IDLE_MS = 2_000;

const agents = {
  "http:": new http.Agent({ keepAlive: true, timeout: POST_IDLE_MS }),
  "https:": new https.Agent({ keepAlive: true, timeout: POST_IDLE_MS }),
};

/** Connection-level failures that happen before any byte of the request is written. */
export const NEVER_LEFT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "UND_ERR_CONNECT_TIMEOUT",
  "EHOSTUNREACH",
]);

function lostDetail(error: unknown, signal: AbortSignal): string {
  if (signal.aborted)
    return (signal.reason as Error | undefined)?.name === "TimeoutError" ? "timeout" : "aborted";
  return (error as { code?: string }).code ?? (error as Error).name ?? "network error";
}

/** One POST, classified like fetch exchanges (transport.ts): not sent, lost, or a response. */
export function postExchange(request: ExchangeRequest & { signal: AbortSignal }): Promise<Exchange> {
  const url = new URL(request.url);
  const agent = agents[url.protocol as keyof typeof agents];
  if (!agent) return Promise.resolve({ kind: "not_sent", detail: `unsupported protocol ${url.protocol}` });
  const { signal } = request;
  if (signal.aborted) return Promise.resolve({ kind: "not_sent", detail: "deadline passed before sending" });
  const body = Buffer.from(request.body ?? "");
  const send = url.protocol === "https:" ? https.request : http.request;
  return new Promise<Exchange>((resolve) => {
    let written = false;
    const req = send(url, {
      method: request.method,
      agent,
      signal,
      headers: { ...request.headers, "Content-Length": String(body.length) },
    });
    // The agent's idle timeout also fires on a busy socket; the deadline (signal) decides, not it.
    req.on("timeout", () => {});
    req.on("socket", (socket) => {
      // Only once connected can a byte leave; before that every failure is "never sent".
      if (!socket.connecting) written = true;
      else socket.once("connect", () => (written = true));
    });
    req.on("error", (error) => {
      const code = (error as { code?: string }).code;
      if (!written && code && NEVER_LEFT_CODES.has(code)) resolve({ kind: "not_sent", detail: code });
      else if (!written && signal.aborted)
        resolve({ kind: "not_sent", detail: "deadline passed while connecting" });
      else resolve({ kind: "lost", detail: lostDetail(error, signal) });
    });
    req.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", (error) => resolve({ kind: "lost", detail: lostDetail(error, signal) }));
      response.on("aborted", () => resolve({ kind: "lost", detail: "connection lost while reading" }));
      response.on("end", () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(response.headers))
          if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
        resolve({
          kind: "response",
          status: response.statusCode ?? 0,
          headers,
          text: Buffer.concat(chunks).toString("utf8"),
        });
      });
    });
    req.end(body);
  });
}
