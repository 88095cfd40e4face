import { describe, expect, it } from "vitest";
import { csvChunk, EXPORT_COLUMNS } from "@/lib/sends/export";
import type { HistoryRow } from "@/lib/sends/history";

const row = (patch: Partial<HistoryRow> = {}): HistoryRow => ({
  id: "00000000-0000-4000-8000-000000000001",
  createdAt: new Date("2026-11-01T12:00:00Z"),
  senderId: "00000000-0000-4000-8000-000000000002",
  senderName: "Alex Able",
  senderEmail: "rep@giftdesk.test",
  team: "a",
  recipientName: "Zoë Quill",
  recipientEmail: "zoe@example.com",
  recipientCompany: null,
  touchId: 1001,
  touchName: "Coffee for two",
  sendType: "address_collection",
  state: "sent",
  sendosoStatus: "Shipped",
  statusBucket: "shipped",
  cost: "25.00",
  currency: "USD",
  trackingCode: "abc",
  trackingUrl: null,
  errorMessage: null,
  ...patch,
});

/** The recipient-name cell of a one-row CSV without header. */
const nameCell = (recipientName: string) => {
  const line = csvChunk([row({ recipientName })], false);
  return line.split(",")[4];
};

describe("CSV export cells", () => {
  it("starts with a header row naming every column", () => {
    const [header] = csvChunk([row()], true).split("\r\n");
    expect(header).toBe(EXPORT_COLUMNS.map(([h]) => h).join(","));
  });

  it("writes a header even when nothing matches", () => {
    expect(csvChunk([], true)).toBe(`${EXPORT_COLUMNS.map(([h]) => h).join(",")}\r\n`);
  });

  it("writes one CRLF-terminated record per row, empty cells for missing values", () => {
    expect(csvChunk([row()], false)).toBe(
      "2026-11-01T12:00:00.000Z,Alex Able,rep@giftdesk.test,a,Zoë Quill,zoe@example.com,,Coffee for two,1001," +
        "address_collection,sent,shipped,Shipped,25.00,USD,abc,,,00000000-0000-4000-8000-000000000001\r\n",
    );
  });

  it.each([
    ['=HYPERLINK("http://evil")', '"\'=HYPERLINK(""http://evil"")"'],
    ["=1+1", "'=1+1"],
    ["+1 555 0100", "'+1 555 0100"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", '"\'\rcmd"'],
    ["＝1+1", "'＝1+1"],
  ])("neutralises a formula cell %j", (value, expected) => {
    expect(nameCell(value)).toBe(expected);
  });

  it("leaves ordinary text alone and quotes what CSV needs quoted", () => {
    expect(nameCell("Jane Doe")).toBe("Jane Doe");
    expect(nameCell("a=b")).toBe("a=b");
    const line = csvChunk([row({ recipientName: 'Doe, "JD"\nJr' })], false);
    expect(line).toContain('"Doe, ""JD""\nJr"');
  });
});
