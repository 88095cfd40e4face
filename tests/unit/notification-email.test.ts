import { describe, expect, it } from "vitest";
import { appLink, renderNotificationEmail } from "@/lib/notifications/email-text";

const APP = { appUrl: "https://gifts.example.com" };

describe("renderNotificationEmail", () => {
  it("gives a one-line subject, the body, an absolute link and the way to switch it off", () => {
    const email = renderNotificationEmail(
      {
        category: "send_rejected",
        title: "Rejected: Coffee for Zoë",
        body: "Reason: over budget.",
        link: "/history/42",
      },
      APP,
    );
    expect(email.subject).toBe("Gift Desk: Rejected: Coffee for Zoë");
    expect(email.text).toBe(
      [
        "Reason: over budget.",
        "",
        "Open in Gift Desk: https://gifts.example.com/history/42",
        "",
        "--",
        'You get this email because "Send rejected" emails are on in Gift Desk.',
        "Change which emails you get: https://gifts.example.com/settings#email-notifications",
        "",
      ].join("\n"),
    );
  });

  it("leaves out the link line when there is no link", () => {
    const { text } = renderNotificationEmail({ category: "send_failed", title: "t", body: "b" }, APP);
    expect(text).not.toContain("Open in Gift Desk");
    expect(text.startsWith("b\n\n--\n")).toBe(true);
  });

  it("keeps the subject on one line and bounded, whatever the title holds", () => {
    const { subject } = renderNotificationEmail(
      { category: "send_failed", title: `Line one\r\nBcc: victim@example.com ${"x".repeat(300)}`, body: "b" },
      APP,
    );
    expect(subject).not.toMatch(/[\r\n]/);
    expect(subject.startsWith("Gift Desk: Line one Bcc: victim@example.com")).toBe(true);
    expect(subject.length).toBe(200);
    expect(subject.endsWith("…")).toBe(true);
  });
});

describe("appLink", () => {
  it("makes app paths absolute on the app's own origin", () => {
    expect(appLink("http://localhost:3000", "/notifications")).toBe("http://localhost:3000/notifications");
    expect(appLink("https://gifts.example.com/", "/history/1?x=1#y")).toBe(
      "https://gifts.example.com/history/1?x=1#y",
    );
  });

  it("drops anything that would lead outside the app", () => {
    for (const link of [
      "https://evil.example",
      "//evil.example/x",
      "/\\evil.example",
      "javascript:alert(1)",
      "history/1",
      "",
      null,
    ]) {
      expect(appLink("https://gifts.example.com", link)).toBeNull();
    }
  });
});
