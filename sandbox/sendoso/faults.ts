import { isRecord, JSON_CONTENT_TYPE, json, type SimResponse } from "./http-utils";

export const FAULT_TYPES = [
  "delay",
  "hang",
  "error_before",
  "error_after",
  "close_after",
  "malformed",
  "rate_limit",
  "expired_token",
] as const;
export type FaultType = (typeof FAULT_TYPES)[number];

export interface FaultSpec {
  type: FaultType;
  /** `delay`: milliseconds to wait before handling normally. */
  ms?: number;
  /** `error_before` (default 500) / `error_after` (default 502): response status. */
  status?: number;
  /** Overrides the response body of error faults. */
  body?: string;
  contentType?: string;
}

export interface FaultMatch {
  /** Any method when omitted. */
  method?: string;
  /** Exact path (no query); any path when omitted. */
  path?: string;
}

export interface FaultRule {
  id: number;
  match: FaultMatch;
  fault: FaultSpec;
  remaining: number;
}

/** Faults that run the real handler (creating the send) before misbehaving. */
export const AFTER_FAULTS: ReadonlySet<FaultType> = new Set(["error_after", "close_after", "malformed"]);

export class FaultStore {
  private rules: FaultRule[] = [];
  private nextId = 1;

  add(match: FaultMatch, fault: FaultSpec, times = 1): FaultRule {
    const rule: FaultRule = { id: this.nextId++, match, fault, remaining: times };
    this.rules.push(rule);
    return rule;
  }

  /** Consumes one use of the first rule matching the request, if any. */
  take(method: string, path: string): FaultSpec | null {
    const rule = this.rules.find(
      (r) =>
        (!r.match.method || r.match.method.toUpperCase() === method) &&
        (!r.match.path || r.match.path === path),
    );
    if (!rule) return null;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
    return rule.fault;
  }

  list(): FaultRule[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  clear(): void {
    this.rules = [];
  }
}

export type ParsedFault =
  | { ok: true; match: FaultMatch; fault: FaultSpec; times: number }
  | { ok: false; message: string };

export function parseFaultRequest(body: unknown): ParsedFault {
  if (!isRecord(body) || !isRecord(body.fault)) return { ok: false, message: "fault can't be blank" };
  const match = isRecord(body.match) ? body.match : {};
  const { type, ms, status, body: faultBody, contentType } = body.fault;
  if (typeof type !== "string" || !(FAULT_TYPES as readonly string[]).includes(type)) {
    return { ok: false, message: `fault.type must be one of ${FAULT_TYPES.join(", ")}` };
  }
  const times = body.times ?? 1;
  if (typeof times !== "number" || !Number.isInteger(times) || times < 1) {
    return { ok: false, message: "times must be a positive integer" };
  }
  if (ms !== undefined && (typeof ms !== "number" || ms < 0))
    return { ok: false, message: "fault.ms is invalid" };
  if (status !== undefined && (typeof status !== "number" || status < 100 || status > 599)) {
    return { ok: false, message: "fault.status is invalid" };
  }
  return {
    ok: true,
    times,
    match: {
      method: typeof match.method === "string" ? match.method : undefined,
      path: typeof match.path === "string" ? match.path : undefined,
    },
    fault: {
      type: type as FaultType,
      ms: typeof ms === "number" ? ms : undefined,
      status: typeof status === "number" ? status : undefined,
      body: typeof faultBody === "string" ? faultBody : undefined,
      contentType: typeof contentType === "string" ? contentType : undefined,
    },
  };
}

const BAD_GATEWAY_HTML =
  "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

/** Response for faults that answer without running the handler. */
export function beforeFaultResponse(fault: FaultSpec): SimResponse | null {
  switch (fault.type) {
    case "error_before":
      return custom(
        fault,
        fault.status ?? 500,
        JSON.stringify({ success: false, message: "Internal Server Error" }),
      );
    case "rate_limit":
      return json(429, { success: false, message: "Too Many Requests" });
    case "expired_token":
      return json(401, { success: false, description: "The access token expired", expired: true });
    default:
      return null;
  }
}

/** Replacement response for `error_after` and `malformed` once the handler has run. */
export function afterFaultResponse(fault: FaultSpec): SimResponse | null {
  if (fault.type === "error_after") {
    return {
      status: fault.status ?? 502,
      headers: { "content-type": fault.contentType ?? "text/html" },
      body: fault.body ?? BAD_GATEWAY_HTML,
    };
  }
  if (fault.type === "malformed") {
    return { status: 200, headers: { "content-type": JSON_CONTENT_TYPE }, body: '{"success":tru' };
  }
  return null;
}

function custom(fault: FaultSpec, status: number, defaultBody: string): SimResponse {
  return {
    status,
    headers: { "content-type": fault.contentType ?? JSON_CONTENT_TYPE },
    body: fault.body ?? defaultBody,
  };
}
