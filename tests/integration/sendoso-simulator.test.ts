import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AMAZON_EGIFT_TOUCH_ID,
  COFFEE_TOUCH_ID,
  EXPIRED_TOUCH_ID,
  FUTURE_TOUCH_ID,
  INACTIVE_TOUCH_ID,
  TOUCH_FIXTURES,
} from "../../sandbox/sendoso/fixtures/touches";
import { createSendosoSimulator, type SendosoSimulator } from "../../sandbox/sendoso/simulator";

const TOKEN = "sandbox-token";
const TRACKING_CODE = /^[0-9a-f]{40}$/;

type Json = Record<string, unknown>;

function client(base: () => string) {
  const call = async (path: string, init: RequestInit & { token?: string | null; body?: string } = {}) => {
    const { token = TOKEN, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (token !== null) headers.set("authorization", `Bearer ${token}`);
    if (rest.body !== undefined && !headers.has("content-type"))
      headers.set("content-type", "application/json");
    const res = await fetch(`${base()}${path}`, { ...rest, headers });
    const text = await res.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    return { status: res.status, headers: res.headers, text, body: body as Json };
  };
  return {
    call,
    get: (path: string, token?: string | null) => call(path, { token }),
    post: (path: string, body: unknown, token?: string | null) =>
      call(path, { method: "POST", body: JSON.stringify(body), token }),
    control: (method: string, path: string, body?: unknown) =>
      call(path, { method, token: null, body: body === undefined ? undefined : JSON.stringify(body) }),
  };
}

function startSimulator(options: Parameters<typeof createSendosoSimulator>[0] = {}) {
  const holder: { sim?: SendosoSimulator; base: string } = { base: "" };
  beforeAll(async () => {
    holder.sim = createSendosoSimulator({ rateLimit: false, ...options });
    holder.base = await holder.sim.listen(0);
  });
  afterAll(async () => {
    await holder.sim?.close();
  });
  return { holder, ...client(() => holder.base) };
}

const knownAddressSend = (overrides: Json = {}) => ({
  send: {
    touch_id: COFFEE_TOUCH_ID,
    name: "Jamie Rivera",
    email: "jamie@example.org",
    address: "639 Front St, Floor 3",
    city: "San Francisco",
    state: "CA",
    zip: "94111",
    country: "USA",
    custom_message: "Thanks for the call!",
    confirm_address: false,
    via: "single_person_or_company",
    via_from: "Gift Desk",
    ...overrides,
  },
});

const addressCollectionSend = (overrides: Json = {}) => ({
  send: {
    touch_id: COFFEE_TOUCH_ID,
    name: "Jamie Rivera",
    email: "jamie@example.org",
    no_address: true,
    confirm_address: true,
    address_confirmation_via: "email",
    resume_with_unconfirmed_address: false,
    expire_after_days: 5,
    hide_product_info: true,
    via: "single_person_or_company",
    via_from: "Gift Desk",
    ...overrides,
  },
});

const egiftSend = (overrides: Json = {}) => ({
  send: {
    touch_id: AMAZON_EGIFT_TOUCH_ID,
    email: "jamie@example.org",
    custom_message: "Enjoy!",
    via: "single_email_address",
    via_from: "Gift Desk",
    ...overrides,
  },
});

describe("Sendoso simulator: auth and health", () => {
  const sim = startSimulator();

  it("answers the health check without auth", async () => {
    const res = await sim.control("GET", "/__sandbox/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
  });

  it("rejects missing and unknown bearer tokens with Doorkeeper's message", async () => {
    for (const token of [null, "nope"]) {
      const res = await sim.get("/api/v3/touches", token);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ success: false, message: "The access token is invalid" });
    }
    const send = await sim.post("/api/v3/send", knownAddressSend(), null);
    expect(send.status).toBe(401);
  });

  it("accepts the static sandbox token as demo user #1", async () => {
    const res = await sim.get("/api/v3/me");
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(1);
  });
});

describe("Sendoso simulator: POST /api/v3/send", () => {
  const sim = startSimulator();

  it("creates a known-address physical send with the exact success body", async () => {
    const res = await sim.post("/api/v3/send", knownAddressSend());
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(Object.keys(res.body)).toEqual(["success", "message", "tracking_code"]);
    expect(res.body).toEqual({
      success: true,
      message: "Gift send Successfully",
      tracking_code: expect.any(String),
    });
    expect(res.body.tracking_code).toMatch(TRACKING_CODE);
  });

  it("creates an address-collection physical send", async () => {
    const res = await sim.post("/api/v3/send", addressCollectionSend({ address_confirmation_via: "link" }));
    expect(res.status).toBe(200);
    expect(res.body.message).toBe("Gift send Successfully");
    expect(res.body.tracking_code).toMatch(TRACKING_CODE);
  });

  it("creates an eGift send with a tracking_url built from the code", async () => {
    const res = await sim.post("/api/v3/send", egiftSend());
    expect(res.status).toBe(200);
    const code = String(res.body.tracking_code);
    expect(code).toMatch(TRACKING_CODE);
    expect(res.body).toEqual({
      success: true,
      message: "EGifts send Successfully",
      tracking_code: code,
      tracking_url: `https://app.sendoso.com/track/${code}`,
    });
  });

  it("does not deduplicate identical POSTs", async () => {
    const first = await sim.post("/api/v3/send", egiftSend({ email: "dup@example.org" }));
    const second = await sim.post("/api/v3/send", egiftSend({ email: "dup@example.org" }));
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(first.body.tracking_code).not.toBe(second.body.tracking_code);
    const control = await sim.control("GET", "/__sandbox/sends");
    const sends = control.body.sends as Json[];
    expect(sends.filter((s) => (s.recipient as Json).email === "dup@example.org")).toHaveLength(2);
  });

  it.each([
    ["touch_id", knownAddressSend({ touch_id: undefined }), "touch_id can't be blank"],
    ["name", knownAddressSend({ name: "" }), "name can't be blank"],
    ["email", knownAddressSend({ email: null }), "email can't be blank"],
    ["address", knownAddressSend({ address: undefined }), "address can't be blank"],
    ["city", knownAddressSend({ city: " " }), "city can't be blank"],
    ["state", knownAddressSend({ state: undefined }), "state can't be blank"],
    ["zip", knownAddressSend({ zip: undefined }), "zip can't be blank"],
    ["country", knownAddressSend({ country: undefined }), "country can't be blank"],
    ["confirm_address", knownAddressSend({ confirm_address: undefined }), "confirm_address can't be blank"],
    ["via_from", knownAddressSend({ via_from: undefined }), "via_from can't be blank"],
    ["via", knownAddressSend({ via: undefined }), "via can't be blank"],
    ["eGift email", egiftSend({ email: undefined }), "email can't be blank"],
    ["eGift via_from", egiftSend({ via_from: "" }), "via_from can't be blank"],
    ["AC name", addressCollectionSend({ name: undefined }), "name can't be blank"],
    [
      "AC address_confirmation_via",
      addressCollectionSend({ address_confirmation_via: undefined }),
      "address_confirmation_via can't be blank",
    ],
    [
      "AC expire_after_days",
      addressCollectionSend({ expire_after_days: undefined }),
      "expire_after_days can't be blank",
    ],
    [
      "AC hide_product_info",
      addressCollectionSend({ hide_product_info: undefined }),
      "hide_product_info can't be blank",
    ],
    [
      "AC resume_with_unconfirmed_address",
      addressCollectionSend({ resume_with_unconfirmed_address: undefined }),
      "resume_with_unconfirmed_address can't be blank",
    ],
  ])("400 when %s is missing", async (_field, body, message) => {
    const res = await sim.post("/api/v3/send", body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ success: false, message });
  });

  it.each([
    [
      "expire_after_days 1",
      addressCollectionSend({ expire_after_days: 1 }),
      "expire_after_days must be between 2 and 7",
    ],
    [
      "expire_after_days 8",
      addressCollectionSend({ expire_after_days: 8 }),
      "expire_after_days must be between 2 and 7",
    ],
    [
      "expire_after_days string",
      addressCollectionSend({ expire_after_days: "5" }),
      "expire_after_days is invalid",
    ],
    [
      "expire_after_days 2.5",
      addressCollectionSend({ expire_after_days: 2.5 }),
      "expire_after_days is invalid",
    ],
    [
      "address_confirmation_via sms",
      addressCollectionSend({ address_confirmation_via: "sms" }),
      "address_confirmation_via must be email or link",
    ],
    [
      "via unknown",
      knownAddressSend({ via: "carrier_pigeon" }),
      "via must be single_person_or_company or single_email_address",
    ],
    ["touch_id string", knownAddressSend({ touch_id: "1001" }), "touch_id is invalid"],
    ["touch_id float", egiftSend({ touch_id: 1021.5 }), "touch_id is invalid"],
    ["confirm_address string", knownAddressSend({ confirm_address: "false" }), "confirm_address is invalid"],
    ["no_address string", addressCollectionSend({ no_address: "true" }), "no_address is invalid"],
    [
      "hide_product_info number",
      addressCollectionSend({ hide_product_info: 1 }),
      "hide_product_info is invalid",
    ],
    [
      "non-US without mobile_no",
      knownAddressSend({ country: "DE", touch_id: 1020 }),
      "mobile_no can't be blank",
    ],
    ["bad email", egiftSend({ email: "not-an-email" }), "email is invalid"],
    ["name not a string", knownAddressSend({ name: 42 }), "name is invalid"],
  ])("400 for %s", async (_case, body, message) => {
    const res = await sim.post("/api/v3/send", body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ success: false, message });
  });

  it("accepts expire_after_days at both ends of 2..7 and non-US sends with mobile_no", async () => {
    for (const days of [2, 7]) {
      const res = await sim.post("/api/v3/send", addressCollectionSend({ expire_after_days: days }));
      expect(res.status).toBe(200);
    }
    const intl = await sim.post(
      "/api/v3/send",
      knownAddressSend({ country: "DE", touch_id: 1020, mobile_no: 4930123 }),
    );
    expect(intl.status).toBe(200);
  });

  it("400 for a missing send wrapper and for invalid JSON", async () => {
    const missing = await sim.post("/api/v3/send", { touch_id: COFFEE_TOUCH_ID });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ success: false, message: "param is missing or the value is empty: send" });
    const invalid = await sim.call("/api/v3/send", { method: "POST", body: '{"send": {' });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toEqual({ success: false, message: "Invalid JSON" });
  });

  it.each([
    ["unknown", 424242],
    ["inactive", INACTIVE_TOUCH_ID],
    ["expired window", EXPIRED_TOUCH_ID],
    ["not yet started", FUTURE_TOUCH_ID],
  ])("404 Touch not found for an %s touch", async (_case, touchId) => {
    const res = await sim.post("/api/v3/send", knownAddressSend({ touch_id: touchId }));
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ success: false, message: "Touch not found" });
  });

  it("404 when an eGift send targets a mail touch (default mismatch mode)", async () => {
    const res = await sim.post("/api/v3/send", egiftSend({ touch_id: COFFEE_TOUCH_ID }));
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ success: false, message: "Touch not found" });
  });
});

describe("Sendoso simulator: touches", () => {
  const sim = startSimulator();
  const listed = TOUCH_FIXTURES.filter(
    (t) => t.active && ![EXPIRED_TOUCH_ID, FUTURE_TOUCH_ID].includes(t.touch.id),
  ).length;

  it("has a fixture of at least 30 touches mixing delivery types", () => {
    expect(listed).toBeGreaterThanOrEqual(30);
    expect(new Set(TOUCH_FIXTURES.map((t) => t.touch.delivery_type))).toEqual(new Set(["mail", "email"]));
  });

  it("paginates with total_posts and every Touch field", async () => {
    const first = await sim.get("/api/v3/touches?page=1&per_page=10");
    expect(first.status).toBe(200);
    expect(first.body.current_page).toBe(1);
    expect(first.body.per_page).toBe(10);
    expect(first.body.total_posts).toBe(listed);
    const touches = first.body.touches as Json[];
    expect(touches).toHaveLength(10);
    expect(Object.keys(touches[0] ?? {}).sort()).toEqual(
      [
        "id",
        "name",
        "start_date",
        "end_date",
        "description",
        "created_at",
        "user_id",
        "gift_id",
        "starting_egift_price",
        "ending_egift_price",
        "status",
        "is_default_price",
        "delivery_type",
        "hubspot_key",
        "ship_to_countries",
        "currency",
      ].sort(),
    );
    expect(touches[0]?.end_date).toBeNull();
    expect(touches.every((t) => t.status === "Active")).toBe(true);

    const last = await sim.get(`/api/v3/touches?page=${Math.ceil(listed / 10)}&per_page=10`);
    expect((last.body.touches as Json[]).length).toBe(listed % 10 || 10);
    const past = await sim.get("/api/v3/touches?page=99&per_page=10");
    expect(past.body.touches).toEqual([]);
    expect(past.body.total_posts).toBe(listed);
  });

  it("clamps per_page to 100 and hides inactive and out-of-window touches", async () => {
    const res = await sim.get("/api/v3/touches?per_page=500");
    expect(res.body.per_page).toBe(100);
    const ids = (res.body.touches as Json[]).map((t) => t.id);
    expect(ids).toHaveLength(listed);
    expect(ids).not.toContain(INACTIVE_TOUCH_ID);
    expect(ids).not.toContain(EXPIRED_TOUCH_ID);
    expect(ids).not.toContain(FUTURE_TOUCH_ID);
  });

  it("filters by delivery_type", async () => {
    const mail = await sim.get("/api/v3/touches?per_page=100&delivery_type=mail");
    const email = await sim.get("/api/v3/touches?per_page=100&delivery_type=email");
    const mailTouches = mail.body.touches as Json[];
    const emailTouches = email.body.touches as Json[];
    expect(mailTouches.length).toBeGreaterThan(0);
    expect(emailTouches.length).toBeGreaterThan(0);
    expect(mailTouches.every((t) => t.delivery_type === "mail")).toBe(true);
    expect(emailTouches.every((t) => t.delivery_type === "email")).toBe(true);
    expect(mail.body.total_posts).toBe(mailTouches.length);
    expect(mailTouches.length + emailTouches.length).toBe(listed);
    const range = emailTouches.find((t) => t.starting_egift_price !== null);
    expect(range).toMatchObject({ is_default_price: false, ending_egift_price: expect.any(Number) });
  });

  it("shows one touch wrapped in {success, touch} and 404s hidden ones", async () => {
    const res = await sim.get(`/api/v3/touches/${COFFEE_TOUCH_ID}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      touch: expect.objectContaining({ id: COFFEE_TOUCH_ID, name: "Coffee for two" }),
    });
    for (const id of [INACTIVE_TOUCH_ID, EXPIRED_TOUCH_ID, 9999, "abc"]) {
      const missing = await sim.get(`/api/v3/touches/${id}`);
      expect(missing.status).toBe(404);
      expect(missing.body).toEqual({ success: false, message: "Touch not found" });
    }
  });
});

describe("Sendoso simulator: request log", () => {
  const sim = startSimulator();

  it("records API requests in order with headers and raw body, but not control calls", async () => {
    await sim.control("DELETE", "/__sandbox/requests");
    await sim.get("/api/v3/touches?page=2&per_page=5");
    const raw = JSON.stringify(egiftSend());
    await sim.call("/api/v3/send", { method: "POST", body: raw });
    await sim.call("/api/v3/send", { method: "POST", body: "{oops" });
    await sim.control("GET", "/__sandbox/health");

    const all = await sim.control("GET", "/__sandbox/requests");
    const requests = all.body.requests as Json[];
    expect(requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "GET /api/v3/touches 200",
      "POST /api/v3/send 200",
      "POST /api/v3/send 400",
    ]);
    expect(requests[0]?.query).toEqual({ page: "2", per_page: "5" });
    const send = requests[1] as Json;
    expect(send.body).toBe(raw);
    expect(send.json).toEqual(egiftSend());
    expect((send.headers as Json).authorization).toBe(`Bearer ${TOKEN}`);
    expect((send.headers as Json)["content-type"]).toBe("application/json");
    expect(typeof send.received_at).toBe("string");
    expect(send.fault).toBeNull();
    expect(requests[2]?.json).toBeNull();

    const filtered = await sim.control("GET", "/__sandbox/requests?method=POST&path=/api/v3/send");
    expect((filtered.body.requests as Json[]).length).toBe(2);

    await sim.control("DELETE", "/__sandbox/requests");
    const empty = await sim.control("GET", "/__sandbox/requests");
    expect(empty.body.requests).toEqual([]);
  });
});

async function sendCount(sim: ReturnType<typeof startSimulator>): Promise<number> {
  const res = await sim.control("GET", "/__sandbox/sends");
  return (res.body.sends as Json[]).length;
}

describe("Sendoso simulator: fault injection", () => {
  const sim = startSimulator();
  const inject = (fault: Json, times?: number) =>
    sim.control("POST", "/__sandbox/faults", {
      match: { method: "POST", path: "/api/v3/send" },
      fault,
      times,
    });

  async function lastLoggedSend(): Promise<Json> {
    const res = await sim.control("GET", "/__sandbox/requests?method=POST&path=/api/v3/send");
    return (res.body.requests as Json[]).at(-1) ?? {};
  }

  it("delay answers normally after the given time", async () => {
    expect((await inject({ type: "delay", ms: 250 })).status).toBe(201);
    const started = performance.now();
    const res = await sim.post("/api/v3/send", knownAddressSend());
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
    expect(res.status).toBe(200);
    expect((await lastLoggedSend()).fault).toBe("delay");
  });

  it("hang never answers until the client gives up", async () => {
    await inject({ type: "hang" });
    const before = await sendCount(sim);
    const attempt = fetch(`${sim.holder.base}/api/v3/send`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify(knownAddressSend()),
      signal: AbortSignal.timeout(300),
    });
    await expect(attempt).rejects.toThrow();
    expect(await sendCount(sim)).toBe(before);
    expect(await lastLoggedSend()).toMatchObject({ fault: "hang", status: null });
  });

  it("error_before answers 500 without creating the send", async () => {
    await inject({ type: "error_before" });
    const before = await sendCount(sim);
    const res = await sim.post("/api/v3/send", knownAddressSend());
    expect(res.status).toBe(500);
    expect(await sendCount(sim)).toBe(before);
    expect(await lastLoggedSend()).toMatchObject({ fault: "error_before", status: 500 });
  });

  it("error_before honours a custom status", async () => {
    await inject({ type: "error_before", status: 503 });
    expect((await sim.post("/api/v3/send", knownAddressSend())).status).toBe(503);
  });

  it("error_after creates the send, then answers 502 with an HTML body", async () => {
    await inject({ type: "error_after" });
    const before = await sendCount(sim);
    const res = await sim.post("/api/v3/send", knownAddressSend());
    expect(res.status).toBe(502);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.body).toBeNull();
    expect(res.text).toContain("502 Bad Gateway");
    expect(await sendCount(sim)).toBe(before + 1);
  });

  it("close_after creates the send, then drops the connection", async () => {
    await inject({ type: "close_after" });
    const before = await sendCount(sim);
    await expect(sim.post("/api/v3/send", knownAddressSend())).rejects.toThrow();
    expect(await sendCount(sim)).toBe(before + 1);
    expect(await lastLoggedSend()).toMatchObject({ fault: "close_after", status: null });
  });

  it("malformed creates the send, then answers 200 with truncated JSON", async () => {
    await inject({ type: "malformed" });
    const before = await sendCount(sim);
    const res = await sim.post("/api/v3/send", egiftSend());
    expect(res.status).toBe(200);
    expect(res.text).toBe('{"success":tru');
    expect(await sendCount(sim)).toBe(before + 1);
  });

  it("rate_limit answers 429 without creating the send", async () => {
    await inject({ type: "rate_limit" });
    const before = await sendCount(sim);
    const res = await sim.post("/api/v3/send", knownAddressSend());
    expect(res.status).toBe(429);
    expect(res.body).toEqual({ success: false, message: "Too Many Requests" });
    expect(await sendCount(sim)).toBe(before);
  });

  it("expired_token answers the description-style 401 without creating the send", async () => {
    await inject({ type: "expired_token" });
    const before = await sendCount(sim);
    const res = await sim.post("/api/v3/send", knownAddressSend());
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ success: false, description: "The access token expired", expired: true });
    expect(await sendCount(sim)).toBe(before);
  });

  it("applies a fault `times` times, only to matching requests, and can be cleared", async () => {
    await inject({ type: "rate_limit" }, 2);
    expect((await sim.get("/api/v3/touches")).status).toBe(200);
    expect((await sim.post("/api/v3/send", knownAddressSend())).status).toBe(429);
    expect((await sim.post("/api/v3/send", knownAddressSend())).status).toBe(429);
    expect((await sim.post("/api/v3/send", knownAddressSend())).status).toBe(200);

    await inject({ type: "error_before" }, 5);
    expect(((await sim.control("GET", "/__sandbox/faults")).body.faults as Json[]).length).toBe(1);
    await sim.control("DELETE", "/__sandbox/faults");
    expect((await sim.post("/api/v3/send", knownAddressSend())).status).toBe(200);
  });

  it("rejects an unknown fault type", async () => {
    const res = await inject({ type: "meteor" });
    expect(res.status).toBe(400);
  });
});

describe("Sendoso simulator: close() with a hanging request", () => {
  it("terminates the hanging socket so shutdown completes", async () => {
    const sim = createSendosoSimulator({ rateLimit: false });
    const base = await sim.listen(0);
    await fetch(`${base}/__sandbox/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ match: { path: "/api/v3/me" }, fault: { type: "hang" } }),
    });
    const pending = fetch(`${base}/api/v3/me`, { headers: { authorization: `Bearer ${TOKEN}` } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await sim.close();
    await expect(pending).rejects.toThrow();
  });
});

describe("Sendoso simulator: clock", () => {
  const sim = startSimulator({ clock: { start: "2026-03-02T09:00:00.000Z", frozen: true } });

  it("reads, advances and sets the simulated time", async () => {
    expect((await sim.control("GET", "/__sandbox/clock")).body.now).toBe("2026-03-02T09:00:00.000Z");
    const advanced = await sim.control("POST", "/__sandbox/clock", { advance_seconds: 3600 });
    expect(advanced.body.now).toBe("2026-03-02T10:00:00.000Z");
    const set = await sim.control("POST", "/__sandbox/clock", { set: "2026-04-01T00:00:00Z" });
    expect(set.body.now).toBe("2026-04-01T00:00:00.000Z");
    expect((await sim.control("POST", "/__sandbox/clock", { set: "not a date" })).status).toBe(400);
  });

  it("drives touch windows", async () => {
    await sim.control("POST", "/__sandbox/clock", { set: "2024-11-15T00:00:00Z" });
    const during = await sim.get(`/api/v3/touches/${EXPIRED_TOUCH_ID}`);
    expect(during.status).toBe(200);
    expect((await sim.post("/api/v3/send", egiftSend({ touch_id: EXPIRED_TOUCH_ID }))).status).toBe(200);

    await sim.control("POST", "/__sandbox/clock", { set: "2099-06-01T00:00:00Z" });
    expect((await sim.get(`/api/v3/touches/${FUTURE_TOUCH_ID}`)).status).toBe(200);
    expect((await sim.get(`/api/v3/touches/${EXPIRED_TOUCH_ID}`)).status).toBe(404);
  });

  it("stamps the request log with simulated time", async () => {
    await sim.control("POST", "/__sandbox/clock", { set: "2026-05-05T05:05:05Z" });
    await sim.get("/api/v3/me");
    const log = await sim.control("GET", "/__sandbox/requests?path=/api/v3/me");
    expect((log.body.requests as Json[]).at(-1)?.received_at).toBe("2026-05-05T05:05:05.000Z");
  });
});

const CLIENT_ID = "gift-desk-sandbox";
const CLIENT_SECRET = "gift-desk-sandbox-secret";
const REDIRECT_URI = "http://localhost:3000/api/sendoso/oauth/callback";
const INVALID_GRANT = {
  error: "invalid_grant",
  error_description:
    "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.",
};
const basicAuth = (id = CLIENT_ID, secret = CLIENT_SECRET) =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

describe("Sendoso simulator: OAuth (Doorkeeper style)", () => {
  const sim = startSimulator({
    redirectUris: [REDIRECT_URI],
    clock: { start: "2026-02-01T12:00:00Z", frozen: true },
  });
  // PKCE S256 is required (issue 16): RFC 7636 appendix B's verifier and challenge.
  const VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  const CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
  const authorizeQuery = (overrides: Record<string, string> = {}) =>
    new URLSearchParams({
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      response_type: "code",
      scope: "public write update",
      state: "xyz-123",
      code_challenge: CHALLENGE,
      code_challenge_method: "S256",
      ...overrides,
    }).toString();

  async function approve(userId = "2", extra: Record<string, string> = {}) {
    const form = new URLSearchParams({
      ...Object.fromEntries(new URLSearchParams(authorizeQuery(extra))),
      user_id: userId,
    });
    form.set("decision", "approve");
    const res = await fetch(`${sim.holder.base}/oauth/authorize`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form,
      redirect: "manual",
    });
    return { status: res.status, location: new URL(res.headers.get("location") ?? "http://invalid/") };
  }

  async function token(params: Record<string, string>, authorization: string | null = basicAuth()) {
    const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
    if (authorization) headers.authorization = authorization;
    const withVerifier =
      params.grant_type === "authorization_code" && !("code_verifier" in params)
        ? { ...params, code_verifier: VERIFIER }
        : params;
    const res = await fetch(`${sim.holder.base}/oauth/token`, {
      method: "POST",
      headers,
      body: new URLSearchParams(withVerifier),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as Json };
  }

  async function login(userId = "2") {
    const { location } = await approve(userId);
    const code = location.searchParams.get("code") ?? "";
    return token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI });
  }

  it("renders an accessible approve page listing the demo users", async () => {
    const res = await fetch(`${sim.holder.base}/oauth/authorize?${authorizeQuery()}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const page = await res.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toMatch(/<title>[^<]+<\/title>/);
    expect(page).toContain('<form method="post" action="/oauth/authorize">');
    for (const id of [1, 2, 3, 4]) {
      expect(page).toContain(`<input type="radio" id="user-${id}" name="user_id" value="${id}"`);
      expect(page).toContain(`<label for="user-${id}">`);
    }
    expect(page).toContain(">Authorize</button>");
    expect(page).toContain('name="state" value="xyz-123"');
  });

  it("escapes the state value on the page", async () => {
    const res = await fetch(
      `${sim.holder.base}/oauth/authorize?${authorizeQuery({ state: '"><script>x</script>' })}`,
    );
    const page = await res.text();
    expect(page).not.toContain("<script>x</script>");
    expect(page).toContain("&quot;&gt;&lt;script&gt;");
  });

  it("shows an HTML 400, never a redirect, for an unknown client or redirect URI", async () => {
    for (const query of [
      authorizeQuery({ client_id: "someone-else" }),
      authorizeQuery({ redirect_uri: "https://evil.example/cb" }),
    ]) {
      const res = await fetch(`${sim.holder.base}/oauth/authorize?${query}`, { redirect: "manual" });
      expect(res.status).toBe(400);
      expect(res.headers.get("location")).toBeNull();
      expect(res.headers.get("content-type")).toContain("text/html");
    }
  });

  it("redirects back with the code and state after approval, and an error after denial", async () => {
    const approved = await approve();
    expect(approved.status).toBe(302);
    expect(approved.location.origin + approved.location.pathname).toBe(REDIRECT_URI);
    expect(approved.location.searchParams.get("code")).toMatch(/^[0-9a-f]{40}$/);
    expect(approved.location.searchParams.get("state")).toBe("xyz-123");

    const form = new URLSearchParams(authorizeQuery());
    form.set("decision", "deny");
    const denied = await fetch(`${sim.holder.base}/oauth/authorize`, {
      method: "POST",
      body: form,
      redirect: "manual",
    });
    const location = new URL(denied.headers.get("location") ?? "");
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.get("state")).toBe("xyz-123");
  });

  it("exchanges a code for Doorkeeper's token response, with no-store headers", async () => {
    const res = await login("2");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("pragma")).toBe("no-cache");
    expect(Object.keys(res.body)).toEqual([
      "access_token",
      "token_type",
      "expires_in",
      "refresh_token",
      "scope",
      "created_at",
    ]);
    expect(res.body).toMatchObject({
      token_type: "Bearer",
      expires_in: 7200,
      scope: "public write update",
      created_at: Date.parse("2026-02-01T12:00:00Z") / 1000,
    });
    const me = await sim.get("/api/v3/me", String(res.body.access_token));
    expect(me.body).toMatchObject({ id: 2, first_name: "Jordan" });
  });

  it("accepts client credentials in a JSON body too", async () => {
    const { location } = await approve("3");
    const res = await fetch(`${sim.holder.base}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        grant_type: "authorization_code",
        code: location.searchParams.get("code"),
        redirect_uri: REDIRECT_URI,
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        code_verifier: VERIFIER,
      }),
    });
    expect(res.status).toBe(200);
  });

  it("rejects reused codes, mismatched redirect URIs and expired codes with invalid_grant", async () => {
    const { location } = await approve();
    const code = location.searchParams.get("code") ?? "";
    const wrongRedirect = await token({
      grant_type: "authorization_code",
      code,
      redirect_uri: "http://localhost/x",
    });
    expect(wrongRedirect.status).toBe(400);
    expect(wrongRedirect.body).toEqual(INVALID_GRANT);
    expect((await token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI })).status).toBe(
      200,
    );
    const reused = await token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI });
    expect(reused.status).toBe(400);
    expect(reused.body).toEqual(INVALID_GRANT);

    const late = await approve();
    await sim.control("POST", "/__sandbox/clock", { advance_seconds: 601 });
    const expired = await token({
      grant_type: "authorization_code",
      code: late.location.searchParams.get("code") ?? "",
      redirect_uri: REDIRECT_URI,
    });
    expect(expired.body).toEqual(INVALID_GRANT);
  });

  it("rejects a bad client with 401 invalid_client", async () => {
    const res = await token(
      { grant_type: "refresh_token", refresh_token: "x" },
      basicAuth(CLIENT_ID, "wrong"),
    );
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      error: "invalid_client",
      error_description:
        "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.",
    });
    expect((await token({ grant_type: "refresh_token", refresh_token: "x" }, null)).status).toBe(401);
    const unsupported = await token({ grant_type: "password" });
    expect(unsupported.status).toBe(400);
    expect(unsupported.body.error).toBe("unsupported_grant_type");
  });

  it("rotates refresh tokens, revokes the old pair, and counts grants", async () => {
    const before = (await sim.control("GET", "/__sandbox/stats")).body;
    const first = await login("1");
    const refreshed = await token({
      grant_type: "refresh_token",
      refresh_token: String(first.body.refresh_token),
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(first.body.refresh_token);
    expect(refreshed.body.access_token).not.toBe(first.body.access_token);

    const again = await token({
      grant_type: "refresh_token",
      refresh_token: String(first.body.refresh_token),
    });
    expect(again.status).toBe(400);
    expect(again.body).toEqual(INVALID_GRANT);
    const old = await sim.get("/api/v3/me", String(first.body.access_token));
    expect(old.status).toBe(401);
    expect(old.body).toEqual({ success: false, message: "The access token was revoked" });
    expect((await sim.get("/api/v3/me", String(refreshed.body.access_token))).status).toBe(200);

    const after = (await sim.control("GET", "/__sandbox/stats")).body;
    const count = (stats: Json, group: string, grant: string) =>
      ((stats[group] as Record<string, number>)[grant] ?? 0) as number;
    expect(
      count(after, "token_requests", "refresh_token") - count(before, "token_requests", "refresh_token"),
    ).toBe(2);
    expect(
      count(after, "tokens_issued", "refresh_token") - count(before, "tokens_issued", "refresh_token"),
    ).toBe(1);
    expect(
      count(after, "tokens_issued", "authorization_code") -
        count(before, "tokens_issued", "authorization_code"),
    ).toBe(1);
  });

  it("expires access tokens after 7200 simulated seconds", async () => {
    const { body } = await login("1");
    const access = String(body.access_token);
    await sim.control("POST", "/__sandbox/clock", { advance_seconds: 7199 });
    expect((await sim.get("/api/v3/me", access)).status).toBe(200);
    await sim.control("POST", "/__sandbox/clock", { advance_seconds: 1 });
    const expired = await sim.get("/api/v3/me", access);
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({ success: false, message: "The access token expired" });
    const refreshed = await token({ grant_type: "refresh_token", refresh_token: String(body.refresh_token) });
    expect((await sim.get("/api/v3/me", String(refreshed.body.access_token))).status).toBe(200);
  });

  it("revokes a token via /oauth/revoke with Basic auth", async () => {
    const { body } = await login("4");
    const access = String(body.access_token);
    const res = await fetch(`${sim.holder.base}/oauth/revoke?token=${encodeURIComponent(access)}`, {
      method: "POST",
      headers: { authorization: basicAuth() },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({});
    const after = await sim.get("/api/v3/me", access);
    expect(after.body).toEqual({ success: false, message: "The access token was revoked" });
    const unknown = await fetch(`${sim.holder.base}/oauth/revoke`, {
      method: "POST",
      headers: { authorization: basicAuth(), "content-type": "application/x-www-form-urlencoded" },
      body: "token=never-issued",
    });
    expect(unknown.status).toBe(200);
  });
});

describe("Sendoso simulator: OAuth options", () => {
  const sim = startSimulator({
    expiredBody: "description",
    requireWriteScope: true,
    redirectUris: [REDIRECT_URI],
  });

  it("uses the description/expired 401 variant", async () => {
    const invalid = await sim.get("/api/v3/me", "bogus");
    expect(invalid.body).toEqual({
      success: false,
      description: "The access token is invalid",
      expired: false,
    });
    const issued = await sim.control("POST", "/__sandbox/tokens", { user_id: 3 });
    await sim.control("POST", "/__sandbox/clock", { advance_seconds: 7200 });
    const expired = await sim.get("/api/v3/me", String(issued.body.access_token));
    expect(expired.body).toEqual({ success: false, description: "The access token expired", expired: true });
  });

  it("rejects sends without the write scope when requireWriteScope is on", async () => {
    const readOnly = await sim.control("POST", "/__sandbox/tokens", { user_id: 2, scope: "public" });
    const res = await sim.post("/api/v3/send", knownAddressSend(), String(readOnly.body.access_token));
    expect(res.status).toBe(403);
    expect((await sim.get("/api/v3/touches", String(readOnly.body.access_token))).status).toBe(200);
  });

  it("issues codes through the control endpoint for headless tests", async () => {
    const issued = await sim.control("POST", "/__sandbox/oauth/codes", { user_id: 2 });
    expect(issued.body).toMatchObject({ code: expect.any(String), redirect_uri: REDIRECT_URI, user_id: 2 });
  });
});

describe("Sendoso simulator: users and groups", () => {
  const sim = startSimulator();

  it("GET /me describes the token's user with a string balance", async () => {
    const res = await sim.get("/api/v3/me");
    expect(res.body).toEqual({
      id: 1,
      first_name: "Avery",
      last_name: "Chen",
      email: "avery.chen@example.com",
      role: "manager",
      balance: "1250.0",
      team_balance: expect.any(Number),
    });
    expect(Number.isInteger(res.body.team_balance)).toBe(true);
  });

  it("GET /users paginates active users with string ids", async () => {
    const res = await sim.get("/api/v3/users?page=1&per_page=2");
    expect(res.body).toMatchObject({ current_page: 1, per_page: 2, total_users: 4 });
    const users = res.body.users as Json[];
    expect(users).toHaveLength(2);
    expect(users[0]).toEqual({
      id: "1",
      first_name: "Avery",
      last_name: "Chen",
      email: "avery.chen@example.com",
      team_group_id: 11,
    });
  });

  it("GET /groups has total_groups, string monthly_budget and integer budget", async () => {
    const res = await sim.get("/api/v3/groups");
    expect(res.body.total_groups).toBe(3);
    const group = (res.body.groups as Json[])[0] ?? {};
    expect(typeof group.monthly_budget).toBe("string");
    expect(Number.isInteger(group.budget)).toBe(true);
    expect(group).toMatchObject({ id: 11, rollover: true, team_id: 501 });
  });

  it("GET /groups/:id/members is a bare array; unknown group is a bare 404", async () => {
    const res = await sim.get("/api/v3/groups/11/members");
    expect(Array.isArray(res.body)).toBe(true);
    const members = res.body as unknown as Json[];
    expect(members.map((m) => m.id)).toEqual([1, 2]);
    expect(members[1]).toMatchObject({ balance: "578.0", sandbox: true, team_group_id: 11, team_id: 501 });
    expect(members[1]?.key).toMatch(/^[0-9a-f]{32}$/);
    const missing = await sim.get("/api/v3/groups/999/members");
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ message: "Group not found!" });
  });
});

const DAY = 86_400;

describe("Sendoso simulator: GET /api/v3/send and the status machine", () => {
  const sim = startSimulator({ clock: { start: "2026-01-05T12:00:00.000Z", frozen: true } });
  const advanceDays = (days: number) =>
    sim.control("POST", "/__sandbox/clock", { advance_seconds: days * DAY });

  async function sendItem(email: string): Promise<Json> {
    const res = await sim.get("/api/v3/send?per_page=100");
    return (res.body.sends as Json[]).find((s) => (s.recipient as Json).email === email) ?? {};
  }
  const statuses = (item: Json) => (item.status_updates as Json[]).map((u) => u.status);

  it("lists sends with the documented item shape and no tracking_code", async () => {
    await sim.post("/api/v3/send", knownAddressSend({ email: "shape@example.org" }));
    const item = await sendItem("shape@example.org");
    expect(item).toEqual({
      id: expect.any(Number),
      send_gid: expect.any(String),
      type: "Sendoso Direct",
      subtype: "Coffee",
      currency: "USD",
      current_total_cost: "24.0",
      status: "Order Received",
      created_at: "2026-01-05T12:00:00.000Z",
      touch: { id: COFFEE_TOUCH_ID, name: "Coffee for two" },
      recipient: { name: "Jamie Rivera", email: "shape@example.org", company_name: null },
      sender: {
        id: 1,
        name: "Avery Chen",
        email: "avery.chen@example.com",
        team_id: 11,
        team_name: "Sales – East",
      },
      sent_via: "Gift Desk",
      status_updates: [
        { status: "Initiated", occurred_at: "2026-01-05T12:00:00.000Z" },
        { status: "Order Received", occurred_at: "2026-01-05T12:00:00.000Z" },
      ],
    });
    const gid = String(item.send_gid);
    expect(gid).not.toContain("=");
    expect(Buffer.from(gid, "base64url").toString()).toMatch(/^gid:\/\/sendoso\/Send\/\d+$/);
  });

  it("moves a known-address send through fulfilment a day at a time", async () => {
    await sim.post("/api/v3/send", knownAddressSend({ email: "known@example.org" }));
    await advanceDays(1);
    expect((await sendItem("known@example.org")).status).toBe("Processing");
    await advanceDays(2);
    const item = await sendItem("known@example.org");
    expect(item.status).toBe("Delivered");
    expect(statuses(item)).toEqual(["Initiated", "Order Received", "Processing", "Shipped", "Delivered"]);
  });

  it("cancels an unconfirmed address collection after expire_after_days", async () => {
    await sim.post("/api/v3/send", addressCollectionSend({ email: "ac@example.org", expire_after_days: 3 }));
    expect((await sendItem("ac@example.org")).status).toBe("Confirming Address");
    await advanceDays(2.9);
    expect((await sendItem("ac@example.org")).status).toBe("Confirming Address");
    await advanceDays(0.1);
    expect((await sendItem("ac@example.org")).status).toBe("Address Confirmation - Cancelled");
  });

  it("ships once the recipient confirms the address (control endpoint)", async () => {
    const created = await sim.post("/api/v3/send", addressCollectionSend({ email: "confirm@example.org" }));
    const code = String(created.body.tracking_code);
    await advanceDays(1);
    const confirmed = await sim.control("POST", `/__sandbox/sends/${code}/confirm-address`);
    expect(confirmed.status).toBe(200);
    expect((await sendItem("confirm@example.org")).status).toBe("Order Received");
    await advanceDays(10);
    expect(statuses(await sendItem("confirm@example.org"))).toEqual([
      "Initiated",
      "Confirming Address",
      "Order Received",
      "Processing",
      "Shipped",
      "Delivered",
    ]);
    expect((await sim.control("POST", `/__sandbox/sends/${code}/confirm-address`)).status).toBe(409);
    expect((await sim.control("POST", "/__sandbox/sends/nope/confirm-address")).status).toBe(404);
  });

  it("moves an eGift Sent → Opened → Clicked → Redeemed on the clock or by control", async () => {
    const created = await sim.post("/api/v3/send", egiftSend({ email: "egift@example.org" }));
    expect((await sendItem("egift@example.org")).status).toBe("Sent");
    await advanceDays(1);
    expect((await sendItem("egift@example.org")).status).toBe("Opened");
    const code = String(created.body.tracking_code);
    const advanced = await sim.control("POST", `/__sandbox/sends/${code}/advance`);
    expect((advanced.body.send as Json).status).toBe("Clicked");
    await advanceDays(1);
    expect((await sendItem("egift@example.org")).status).toBe("Redeemed");
    const forced = await sim.control("POST", `/__sandbox/sends/${code}/status`, {
      status: "Expired and Credited",
    });
    expect((forced.body.send as Json).status).toBe("Expired and Credited");
  });

  it("lists newest first with total_count and clamps per_page", async () => {
    await advanceDays(1);
    await sim.post("/api/v3/send", egiftSend({ email: "newest@example.org" }));
    const res = await sim.get("/api/v3/send?page=1&per_page=1000");
    expect(res.body.per_page).toBe(100);
    const sends = res.body.sends as Json[];
    expect(res.body.total_count).toBe(sends.length);
    expect(sends[0]?.recipient).toMatchObject({ email: "newest@example.org" });
    const page2 = await sim.get("/api/v3/send?page=2&per_page=2");
    expect(page2.body).toMatchObject({ current_page: 2, per_page: 2, total_count: sends.length });
    expect((page2.body.sends as Json[]).map((s) => s.id)).toEqual(sends.slice(2, 4).map((s) => s.id));
  });
});

describe("Sendoso simulator: status options", () => {
  const sim = startSimulator({
    clock: { start: "2026-01-05T12:00:00.000Z", frozen: true },
    stopAtProcessing: true,
    egiftAutoProgress: false,
    includeTrackingCodeInList: true,
    legacyStatusEndpoint: true,
    nonUsWithoutMobile: "fail_later",
  });

  it("stops physical sends at Processing, keeps eGifts at Sent, and exposes tracking codes", async () => {
    const physical = await sim.post("/api/v3/send", knownAddressSend());
    const egift = await sim.post("/api/v3/send", egiftSend());
    await sim.control("POST", "/__sandbox/clock", { advance_seconds: 30 * DAY });
    const list = await sim.get("/api/v3/send");
    const byCode = new Map((list.body.sends as Json[]).map((s) => [s.tracking_code, s.status]));
    expect(byCode.get(physical.body.tracking_code)).toBe("Processing");
    expect(byCode.get(egift.body.tracking_code)).toBe("Sent");
  });

  it("serves the legacy status endpoint", async () => {
    const created = await sim.post("/api/v3/send", egiftSend());
    const res = await sim.get(`/api/v3/gifts/status/${String(created.body.tracking_code)}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      activities: [
        [
          { activity: { date_and_time: expect.any(String), status: "Initiated" } },
          { activity: { date_and_time: expect.any(String), status: "Sent" } },
        ],
      ],
    });
  });

  it("accepts a non-US send without mobile_no and fails it later", async () => {
    const created = await sim.post("/api/v3/send", knownAddressSend({ country: "GB", touch_id: 1020 }));
    expect(created.status).toBe(200);
    const list = await sim.get("/api/v3/send");
    const item = (list.body.sends as Json[]).find((s) => s.tracking_code === created.body.tracking_code);
    expect(item?.status).toBe("Failed");
  });
});

describe("Sendoso simulator: rate limiting", () => {
  const sim = startSimulator({ rateLimit: {} });

  it("answers 429 beyond 10 requests per second per client, then recovers", async () => {
    const results = await Promise.all(Array.from({ length: 15 }, () => sim.get("/api/v3/me")));
    const limited = results.filter((r) => r.status === 429);
    expect(results.filter((r) => r.status === 200)).toHaveLength(10);
    expect(limited).toHaveLength(5);
    expect(limited[0]?.body).toEqual({ success: false, message: "Too Many Requests" });

    const other = await sim.control("POST", "/__sandbox/tokens", { user_id: 2 });
    expect((await sim.get("/api/v3/me", String(other.body.access_token))).status).toBe(200);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await sim.get("/api/v3/me")).status).toBe(200);
    expect((await sim.control("GET", "/__sandbox/stats")).body.rate_limited).toBe(5);
  });
});

describe("Sendoso simulator: POST /api/v3/send/generate_egift_links", () => {
  const sim = startSimulator();
  const body = (overrides: Json = {}) => ({
    send: {
      touch_id: AMAZON_EGIFT_TOUCH_ID,
      via: "generate_egift_links",
      via_from: "Gift Desk",
      recipient_users: [{ email: "a@example.org" }, { email: "b@example.org" }],
      ...overrides,
    },
  });

  it("returns one link per recipient", async () => {
    const res = await sim.post("/api/v3/send/generate_egift_links", body());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      message: "Success! Here are your 2 eGift Card links:",
      egift_links: [
        {
          egift_link: expect.stringMatching(/^https:\/\/sendo\.so\/g\/[A-Za-z0-9]{13}$/),
          recipient_email_or_phone_number: "a@example.org",
        },
        {
          egift_link: expect.stringMatching(/^https:\/\/sendo\.so\/g\/[A-Za-z0-9]{13}$/),
          recipient_email_or_phone_number: "b@example.org",
        },
      ],
      expiration_days: 30,
    });
  });

  it.each([
    [body({ via: "single_email_address" }), 400, "via must be generate_egift_links"],
    [body({ recipient_users: [] }), 400, "recipient_users can't be blank"],
    [body({ recipient_users: [{ name: "x" }] }), 400, "email can't be blank"],
    [body({ via_from: undefined }), 400, "via_from can't be blank"],
    [body({ touch_id: "1021" }), 400, "touch_id is invalid"],
    [body({ touch_id: COFFEE_TOUCH_ID }), 404, "Touch not found"],
    [body({ touch_id: INACTIVE_TOUCH_ID }), 404, "Touch not found"],
  ])("rejects %j", async (payload, status, message) => {
    const res = await sim.post("/api/v3/send/generate_egift_links", payload);
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ success: false, message });
  });
});

describe("Sendoso simulator: CLI entry (npm run sandbox)", () => {
  const root = fileURLToPath(new URL("../../", import.meta.url));
  const run = (
    port: string,
  ): { child: ChildProcess; output: Promise<{ code: number | null; text: string }> } => {
    const child = spawn(`${root}node_modules/.bin/tsx`, ["sandbox/sendoso/main.ts"], {
      cwd: root,
      env: { ...process.env, SENDOSO_SIM_PORT: port },
    });
    let text = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      text += chunk.toString();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      text += chunk.toString();
    });
    const output = new Promise<{ code: number | null; text: string }>((resolve) =>
      child.on("exit", (code) => resolve({ code, text })),
    );
    return { child, output };
  };

  it("prints the base URL and serves requests", async () => {
    const { child, output } = run("0");
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("simulator did not start")), 20_000);
      child.stdout?.on("data", (chunk: Buffer) => {
        const match = /Sendoso sandbox listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(chunk.toString());
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    try {
      const health = await fetch(`${url}/__sandbox/health`);
      expect(await health.json()).toEqual({ ok: true });
    } finally {
      child.kill("SIGTERM");
    }
    expect((await output).code).toBe(0);
  });

  it("exits 1 with a clear message when the port is taken", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", () => resolve()));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const { code, text } = await run(String(port)).output;
      expect(code).toBe(1);
      expect(text).toContain(`port ${port}`);
      expect(text).toContain("already in use");
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
