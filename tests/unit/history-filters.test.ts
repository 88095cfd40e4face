import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "@/lib/sends/cursor";
import { historyQueryString, parseHistoryParams } from "@/lib/sends/filters";
import { searchTokens } from "@/lib/sends/history-filters";

const REP = "4d1c3a8e-2b6f-4e0a-9c1d-7f5e3b2a1c0d";

describe("history URL parameters", () => {
  it("reads every filter from the query string", () => {
    const params = parseHistoryParams(
      new URLSearchParams(
        `q=+Jane+&rep=${REP}&team=a&state=sent&bucket=on_hold&touch=1001&type=egift&from=2026-11-01&to=2026-11-30&tz=Europe/Berlin&size=100&after=abc`,
      ),
    );
    expect(params).toEqual({
      q: "Jane",
      rep: REP,
      team: "a",
      state: "sent",
      bucket: "on_hold",
      touch: 1001,
      type: "egift",
      from: "2026-11-01",
      to: "2026-11-30",
      tz: "Europe/Berlin",
      size: 100,
      after: "abc",
    });
  });

  it("drops a bad value instead of failing the page", () => {
    const params = parseHistoryParams({
      rep: "not-a-uuid",
      state: "exploded",
      bucket: "nope",
      touch: "-3",
      from: "yesterday",
      tz: "Mars Olympus!",
      size: "1000",
      q: "",
    });
    expect(params).toEqual({ size: 50 });
  });

  it("takes the first of repeated keys and treats empty fields as unset", () => {
    expect(parseHistoryParams({ team: ["a", "b"], rep: "" })).toEqual({ team: "a", size: 50 });
  });

  it("writes a short, stable query string", () => {
    expect(historyQueryString({ team: "a", size: 50, q: undefined })).toBe("?team=a");
    expect(historyQueryString({ bucket: "unknown", size: 25 })).toBe("?bucket=unknown&size=25");
    expect(historyQueryString({})).toBe("");
  });
});

describe("search words", () => {
  it("splits on anything but letters and digits, lower-cased, at most 8", () => {
    expect(searchTokens("Jane.Doe+vip@Acme.io")).toEqual(["jane", "doe", "vip", "acme", "io"]);
    expect(searchTokens("Zoë O'Brien")).toEqual(["zoë", "o", "brien"]);
    expect(searchTokens("'); drop table --")).toEqual(["drop", "table"]);
    expect(searchTokens("a b c d e f g h i j")).toHaveLength(8);
    expect(searchTokens("@@@")).toEqual([]);
  });
});

describe("page cursor", () => {
  it("round-trips and refuses anything else", () => {
    const cursor = { createdAt: new Date("2026-11-01T12:00:00.123Z"), id: REP };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor("garbage")).toBeUndefined();
    expect(decodeCursor(Buffer.from(`2026-11-01|${REP}'; drop`).toString("base64url"))).toBeUndefined();
  });
});
