import { describe, expect, it } from "vitest";
import { interpretSendResponse } from "@/lib/sendoso/client";
import { fieldFromMessage } from "@/lib/sendoso/errors";

const code = "116d64dc686937dd17b1865019cee71d295bcf38";

describe("interpretSendResponse", () => {
  it("accepts the documented success body", () => {
    expect(
      interpretSendResponse(
        200,
        JSON.stringify({ success: true, message: "Gift send Successfully", tracking_code: code }),
      ),
    ).toEqual({ kind: "accepted", trackingCode: code, trackingUrl: null });
  });

  it("keeps the eGift tracking URL, but only an https one (it is rendered as a link)", () => {
    const body = (url: string) =>
      JSON.stringify({
        success: true,
        message: "EGifts send Successfully",
        tracking_code: code,
        tracking_url: url,
      });
    expect(interpretSendResponse(200, body(`https://app.sendoso.com/track/${code}`))).toEqual({
      kind: "accepted",
      trackingCode: code,
      trackingUrl: `https://app.sendoso.com/track/${code}`,
    });
    // An odd URL never turns an accepted (paid) send into "unknown".
    for (const url of ["javascript:alert(1)", "http://app.sendoso.com/track/x", "not a url"]) {
      expect(interpretSendResponse(200, body(url))).toMatchObject({ kind: "accepted", trackingUrl: null });
    }
  });

  it("treats an unreadable 2xx as unknown: Sendoso may have sent it", () => {
    expect(interpretSendResponse(200, '{"success":tru').kind).toBe("unknown");
    expect(interpretSendResponse(200, JSON.stringify({ success: true, tracking_code: "XYZ" })).kind).toBe(
      "unknown",
    );
  });

  it("treats 5xx as unknown, never as failed", () => {
    expect(interpretSendResponse(502, "<html>Bad gateway</html>")).toEqual({
      kind: "unknown",
      detail: "HTTP 502",
    });
  });

  it("treats only 400, 403, 404 and 422 as refusals; any other non-2xx (3xx, 408, 409, proxies) is unknown", () => {
    const body = JSON.stringify({ success: false, message: "nope" });
    for (const status of [301, 302, 303, 307, 308, 405, 407, 408, 409, 410, 413, 425, 499, 500, 504])
      expect(interpretSendResponse(status, body)).toEqual({ kind: "unknown", detail: `HTTP ${status}` });
    for (const status of [400, 403, 404, 422])
      expect(interpretSendResponse(status, body)).toMatchObject({ kind: "rejected", status });
  });

  it("maps a 400 to a rejection naming the field", () => {
    expect(
      interpretSendResponse(400, JSON.stringify({ success: false, message: "email can't be blank" })),
    ).toEqual({
      kind: "rejected",
      status: 400,
      message: "email can't be blank",
      field: "email",
    });
  });

  it("maps a 404 to a rejection and a 401 to not sent", () => {
    expect(
      interpretSendResponse(404, JSON.stringify({ success: false, message: "Touch not found" })).kind,
    ).toBe("rejected");
    expect(
      interpretSendResponse(401, JSON.stringify({ success: false, message: "The access token is invalid" }))
        .kind,
    ).toBe("not_sent");
  });
});

describe("fieldFromMessage", () => {
  it.each([
    ["name can't be blank", "name"],
    ["touch_id is invalid", "touch_id"],
    ["expire_after_days must be between 2 and 7", "expire_after_days"],
    ["Touch not found", null],
  ])("%s → %s", (message, field) => {
    expect(fieldFromMessage(message)).toBe(field);
  });
});
