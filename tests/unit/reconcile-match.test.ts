import { describe, expect, it } from "vitest";
import {
  fits,
  LIST_LAG_MS,
  MATCH_WINDOW,
  type MatchItem,
  type MatchOptions,
  matchSends,
  type OurSend,
} from "@/lib/sends/reconcile-match";

const POSTED = new Date("2026-11-26T10:00:00.000Z");
const at = (offsetMs: number) => new Date(POSTED.getTime() + offsetMs).toISOString();

const ours = (overrides: Partial<OurSend> = {}): OurSend => ({
  id: "send-1",
  sendGid: null,
  trackingCode: null,
  recipientEmail: "jane.doe@example.com",
  touchId: 1001,
  sendosoUserId: 2,
  postedAt: POSTED,
  wanted: true,
  ...overrides,
});

const item = (gid: string, overrides: Partial<MatchItem> = {}): MatchItem => ({
  send_gid: gid,
  created_at: at(3_000),
  touch: { id: 1001, name: "Coffee" },
  recipient: { name: "Jane", email: "jane.doe@example.com", company_name: null },
  sender: { id: 2, name: "Jordan Patel", email: "jordan@example.com" },
  sent_via: "Gift Desk",
  ...overrides,
});

const none = new Set<string>();
/** Long after every window in these tests has closed. */
const later = { now: new Date(POSTED.getTime() + 3_600_000) };
const everything = [{ from: Number.NEGATIVE_INFINITY, to: Number.POSITIVE_INFINITY }];

/** matchSends with the whole list read, our via_from and "API" accepted, and `taken` gids. */
function m(
  sends: OurSend[],
  items: MatchItem[],
  taken: ReadonlySet<string>,
  extra: Partial<MatchOptions> & { now: Date },
) {
  return matchSends(sends, items, {
    covered: everything,
    apiSentVia: new Set(["gift desk", "api"]),
    takenGids: taken,
    takenCodes: none,
    ...extra,
  });
}

describe("matchSends", () => {
  it("matches the one item with the same recipient, touch, sender and time", () => {
    const candidate = item("g1");
    const [outcome] = m([ours()], [candidate, item("g2", { touch: { id: 1002 } })], none, later);
    expect(outcome).toMatchObject({ kind: "matched", item: { send_gid: "g1" } });
  });

  it("compares the recipient email without regard to case or surrounding spaces", () => {
    const upper = item("g1", {
      recipient: { name: null, email: " Jane.DOE@Example.COM", company_name: null },
    });
    expect(m([ours()], [upper], none, later)[0]?.kind).toBe("matched");
  });

  it.each([
    ["another recipient", { recipient: { name: null, email: "john@example.com", company_name: null } }],
    ["no recipient email", { recipient: { name: "Jane", email: null, company_name: null } }],
    ["another touch", { touch: { id: 1002, name: "Wine" } }],
    ["another Sendoso sender", { sender: { id: 3 } }],
    ["no sender", { sender: null }],
    ["an unreadable created_at", { created_at: "yesterday" }],
  ])("does not match %s", (_label, overrides) => {
    expect(m([ours()], [item("g1", overrides as Partial<MatchItem>)], none, later)[0]?.kind).toBe(
      "not_found",
    );
  });

  it("decides a send by content only once its window has closed and the list has caught up", () => {
    const closes = POSTED.getTime() + MATCH_WINDOW.afterMs + LIST_LAG_MS;
    const early = m([ours()], [item("g1")], none, { now: new Date(closes - 1) });
    expect(early[0]).toMatchObject({ kind: "too_early", decidableAt: new Date(closes) });
    expect(m([ours()], [item("g1")], none, { now: new Date(closes) })[0]?.kind).toBe("matched");
    // A send that already holds its gid needs no waiting.
    const known = m([ours({ sendGid: "g1" })], [item("g1")], new Set(["g1"]), { now: POSTED });
    expect(known[0]?.kind).toBe("matched");
  });

  it("counts a send still inside its window as a claimant of the items it fits", () => {
    const minutes = (n: number) => new Date(POSTED.getTime() + n * 60_000);
    const fresh = ours({ id: "fresh", postedAt: minutes(9) });
    const shared = item("g1", { created_at: minutes(8).toISOString() });
    const outcomes = m([ours({ id: "old" }), fresh], [shared], none, { now: minutes(11) });
    expect(outcomes.map((o) => [o.send.id, o.kind])).toEqual([
      ["old", "ambiguous"],
      ["fresh", "too_early"],
    ]);
  });

  it("never matches by content when the send's Sendoso user is unknown", () => {
    expect(m([ours({ sendosoUserId: null })], [item("g1")], none, later)[0]?.kind).toBe("not_found");
  });

  it.each([
    [-MATCH_WINDOW.beforeMs, true],
    [-MATCH_WINDOW.beforeMs - 1, false],
    [MATCH_WINDOW.afterMs, true],
    [MATCH_WINDOW.afterMs + 1, false],
    [0, true],
  ])("window edge: created %i ms after our POST → fits %s", (offset, expected) => {
    expect(fits(ours(), item("g1", { created_at: at(offset) }))).toBe(expected);
  });

  it("does not decide by content when a partial read of the list stopped inside the send's window", () => {
    // The read reached back to 1 minute before our POST; a twin 90 s before it would be unseen.
    const seen = item("g1", { created_at: at(3_000) });
    const partial = {
      ...later,
      covered: [{ from: POSTED.getTime() - 60_000, to: Number.POSITIVE_INFINITY }],
    };
    expect(m([ours()], [seen], none, partial)).toEqual([{ kind: "not_reached", send: ours() }]);
    const wholeWindow = {
      ...later,
      covered: [
        {
          from: POSTED.getTime() - MATCH_WINDOW.beforeMs - 1,
          to: POSTED.getTime() + MATCH_WINDOW.afterMs + 1,
        },
      ],
    };
    expect(m([ours()], [seen], none, wholeWindow)).toMatchObject([{ kind: "matched" }]);
    // Read in two runs that each cut the window: neither decides it.
    const cut = {
      ...later,
      covered: [
        { from: POSTED.getTime(), to: Number.POSITIVE_INFINITY },
        { from: 0, to: POSTED.getTime() },
      ],
    };
    expect(m([ours()], [seen], none, cut)[0]?.kind).toBe("not_reached");
    // An out-of-order list covers nothing.
    expect(m([ours()], [seen], none, { ...later, covered: [] })[0]?.kind).toBe("not_reached");
    // A known gid needs no window.
    expect(m([ours({ sendGid: "g1" })], [seen], none, partial)).toMatchObject([{ kind: "matched" }]);
  });

  it("leaves a send with two candidate items alone", () => {
    const [outcome] = m([ours()], [item("g1"), item("g2", { created_at: at(60_000) })], none, later);
    expect(outcome).toMatchObject({
      kind: "ambiguous",
      reason: "several_items",
      candidateGids: ["g1", "g2"],
    });
  });

  it("leaves both alone when one item fits two of our sends", () => {
    const outcomes = m(
      [ours({ id: "a" }), ours({ id: "b", postedAt: new Date(POSTED.getTime() + 30_000) })],
      [item("g1")],
      none,
      later,
    );
    expect(outcomes.map((o) => [o.send.id, o.kind, o.kind === "ambiguous" && o.reason])).toEqual([
      ["a", "ambiguous", "shared_item"],
      ["b", "ambiguous", "shared_item"],
    ]);
  });

  it("counts a send still in flight as a claimant, but reports only wanted sends", () => {
    const outcomes = m(
      [ours({ id: "a" }), ours({ id: "in-flight", wanted: false })],
      [item("g1")],
      none,
      later,
    );
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ kind: "ambiguous", reason: "shared_item" });
  });

  it("skips items whose gid another of our sends already holds", () => {
    const outcomes = m([ours()], [item("g1"), item("g2")], new Set(["g1"]), later);
    expect(outcomes[0]).toMatchObject({ kind: "matched", item: { send_gid: "g2" } });
    expect(m([ours()], [item("g1")], new Set(["g1"]), later)[0]?.kind).toBe("not_found");
  });

  it("matches a send that already holds a gid by the gid alone, whatever its content", () => {
    const far = item("g7", {
      created_at: at(-86_400_000),
      recipient: { name: null, email: "someone.else@example.com", company_name: null },
    });
    const [outcome] = m([ours({ sendGid: "g7" })], [item("g1"), far], new Set(["g7"]), later);
    expect(outcome).toMatchObject({ kind: "matched", item: { send_gid: "g7" } });
    // Its gid not on the pages read: a later run reaches it (never "absent").
    expect(m([ours({ sendGid: "g9" })], [item("g1")], new Set(["g9"]), later)[0]?.kind).toBe("not_reached");
  });

  it("does not let a gid-holding send's item count against a gid-less send", () => {
    const outcomes = m(
      [ours({ id: "known", sendGid: "g1" }), ours({ id: "open" })],
      [item("g1"), item("g2", { created_at: at(5_000) })],
      new Set(["g1"]),
      later,
    );
    expect(outcomes.map((o) => [o.send.id, o.kind, o.kind === "matched" && o.item.send_gid])).toEqual([
      ["known", "matched", "g1"],
      ["open", "matched", "g2"],
    ]);
  });

  it.each([["Sendoso.com"], ["Salesforce Trigger"], ["Chrome Extension"], [null]])(
    "never adopts an item sent via %s (not an API origin)",
    (sentVia) => {
      expect(m([ours()], [item("g1", { sent_via: sentVia })], none, later)[0]?.kind).toBe("not_found");
    },
  );

  it.each([["Gift Desk"], ["API"], [" api "]])("adopts an API send whose sent_via is %s", (sentVia) => {
    expect(m([ours()], [item("g1", { sent_via: sentVia })], none, later)[0]?.kind).toBe("matched");
  });

  it("a hand-made send beside an API one does not make the API one ambiguous", () => {
    const outcomes = m([ours()], [item("hand", { sent_via: "Sendoso.com" }), item("g1")], none, later);
    expect(outcomes[0]).toMatchObject({ kind: "matched", item: { send_gid: "g1" } });
  });

  it("joins exactly on a tracking code the list carries, whatever the content", () => {
    const coded = item("g5", { tracking_code: "tc-1", created_at: at(-86_400_000), touch: { id: 9 } });
    const outcomes = m([ours({ trackingCode: "tc-1" })], [item("g1"), coded], none, { now: POSTED });
    expect(outcomes[0]).toMatchObject({ kind: "matched", by: "tracking_code", item: { send_gid: "g5" } });
  });

  it("never adopts by content an item whose tracking code is another send's", () => {
    const theirs = item("g1", { tracking_code: "tc-other" });
    const taken = m([ours()], [theirs], none, { ...later, takenCodes: new Set(["tc-other"]) });
    expect(taken[0]?.kind).toBe("not_found");
    // Our own different code: a different send.
    expect(m([ours({ trackingCode: "tc-mine" })], [theirs], none, later)[0]?.kind).toBe("not_found");
  });

  it("lets a failed or not-wanted send of ours compete for an item", () => {
    const failed = ours({ id: "failed", wanted: false, postedAt: new Date(POSTED.getTime() + 20_000) });
    expect(m([ours(), failed], [item("g1")], none, later)[0]).toMatchObject({
      kind: "ambiguous",
      reason: "shared_item",
    });
  });
});
