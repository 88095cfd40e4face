import type { IncomingHttpHeaders, IncomingMessage } from "node:http";

/** A fully-read incoming request, as handlers see it. */
export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: string;
  params: Record<string, string>;
}

/** A response built by a handler; the dispatcher writes it (or a fault replaces it). */
export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";
export const HTML_CONTENT_TYPE = "text/html; charset=utf-8";
const MAX_BODY_BYTES = 1024 * 1024;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): SimResponse {
  return { status, headers: { "content-type": JSON_CONTENT_TYPE, ...headers }, body: JSON.stringify(body) };
}

export function html(status: number, markup: string): SimResponse {
  return { status, headers: { "content-type": HTML_CONTENT_TYPE }, body: markup };
}

export function redirect(location: string): SimResponse {
  return { status: 302, headers: { location, "content-type": HTML_CONTENT_TYPE }, body: "" };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export type JsonBody = { kind: "empty" } | { kind: "ok"; value: unknown } | { kind: "invalid" };

export function parseJsonBody(raw: string): JsonBody {
  if (raw.trim() === "") return { kind: "empty" };
  try {
    return { kind: "ok", value: JSON.parse(raw) as unknown };
  } catch {
    return { kind: "invalid" };
  }
}

/** The JSON body, or undefined when it is empty or not JSON (the control routes' "no options"). */
export function jsonBodyValue(raw: string): unknown {
  const parsed = parseJsonBody(raw);
  return parsed.kind === "ok" ? parsed.value : undefined;
}

/** The JSON body when it is an object, else `{}`. */
export function jsonBodyObject(raw: string): Record<string, unknown> {
  const value = jsonBodyValue(raw);
  return isRecord(value) ? value : {};
}

/** Parameters from a form-encoded or JSON body (string values only), like Rails `params`. */
export function bodyParams(req: SimRequest): Map<string, string> {
  const params = new Map<string, string>();
  const type = String(req.headers["content-type"] ?? "");
  if (type.includes("json")) {
    const parsed = parseJsonBody(req.rawBody);
    if (parsed.kind === "ok" && isRecord(parsed.value)) {
      for (const [key, value] of Object.entries(parsed.value)) {
        if (typeof value === "string" || typeof value === "number") params.set(key, String(value));
      }
    }
  } else {
    for (const [key, value] of new URLSearchParams(req.rawBody)) params.set(key, value);
  }
  return params;
}

export class BodyTooLargeError extends Error {}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLargeError("Request body too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export interface PageParams {
  page: number;
  perPage: number;
}

/** `page` is 1-based; `per_page` is clamped to 1..100 (the documented max). */
export function pageParams(query: URLSearchParams, defaultPerPage: number): PageParams {
  const page = positiveInt(query.get("page")) ?? 1;
  const perPage = Math.min(positiveInt(query.get("per_page")) ?? defaultPerPage, 100);
  return { page, perPage };
}

export function paginate<T>(items: readonly T[], { page, perPage }: PageParams): T[] {
  const start = (page - 1) * perPage;
  return items.slice(start, start + perPage);
}

function positiveInt(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value.trim())) return null;
  const n = Number(value);
  return n >= 1 ? n : null;
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
