import type { IncomingHttpHeaders } from "node:http";
import { parseJsonBody } from "./http-utils";

/** One request as the simulator received it, for tests to assert on. */
export interface LoggedRequest {
  id: number;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Raw body text exactly as received. */
  body: string;
  /** Parsed JSON body, or null when the body is empty or not JSON. */
  json: unknown;
  received_at: string;
  /** Response status; null while pending or when a fault hung up / dropped the connection. */
  status: number | null;
  response_body: string | null;
  /** Fault type applied to this request, if any. */
  fault: string | null;
}

export interface RequestFilter {
  method?: string | null;
  path?: string | null;
}

export class RequestLog {
  private entries: LoggedRequest[] = [];
  private nextId = 1;

  record(input: {
    method: string;
    path: string;
    query: URLSearchParams;
    headers: IncomingHttpHeaders;
    body: string;
    receivedAt: string;
  }): LoggedRequest {
    const parsed = parseJsonBody(input.body);
    const entry: LoggedRequest = {
      id: this.nextId++,
      method: input.method,
      path: input.path,
      query: Object.fromEntries(input.query),
      headers: { ...input.headers },
      body: input.body,
      json: parsed.kind === "ok" ? parsed.value : null,
      received_at: input.receivedAt,
      status: null,
      response_body: null,
      fault: null,
    };
    this.entries.push(entry);
    return entry;
  }

  list(filter: RequestFilter = {}): LoggedRequest[] {
    const method = filter.method?.toUpperCase();
    return this.entries.filter(
      (entry) => (!method || entry.method === method) && (!filter.path || entry.path === filter.path),
    );
  }

  clear(): void {
    this.entries = [];
  }
}
