import { describe, expect, it } from "vitest";
import { z } from "zod";
import { mayManageTeamMessages, mayManageTemplate, mayUseTemplate } from "@/lib/messages/permissions";
import { messageTemplateSchema } from "@/lib/validation/messages";
import { sendGiftSchema } from "@/lib/validation/send";

const rep = { id: "r", role: "rep", team: "a" } as const;
const manager = { id: "m", role: "manager", team: "a" } as const;
const admin = { id: "x", role: "admin", team: null } as const;

describe("who may write and use saved messages", () => {
  it("a team's messages are written by its managers or an admin, never a rep", () => {
    expect(mayManageTeamMessages(manager, "a")).toBe(true);
    expect(mayManageTeamMessages(manager, "b")).toBe(false);
    expect(mayManageTeamMessages(rep, "a")).toBe(false);
    expect(mayManageTeamMessages(admin, "b")).toBe(true);
  });

  it("one's own messages are one's own only", () => {
    const mine = { team: null, userId: "r" };
    expect(mayManageTemplate(rep, mine)).toBe(true);
    expect(mayManageTemplate(manager, mine)).toBe(false);
    expect(mayUseTemplate(manager, mine)).toBe(false);
  });

  it("a rep sends with their own team's messages, not another team's", () => {
    expect(mayUseTemplate(rep, { team: "a", userId: null })).toBe(true);
    expect(mayUseTemplate(rep, { team: "b", userId: null })).toBe(false);
    expect(mayManageTemplate(rep, { team: "a", userId: null })).toBe(false);
  });
});

describe("saved message schema", () => {
  it("needs a name and a message within the send limit", () => {
    const r = messageTemplateSchema.safeParse({ scope: "personal", name: " ", body: "x".repeat(501) });
    expect(r.success).toBe(false);
    const errors = r.success ? {} : (z.flattenError(r.error).fieldErrors as Record<string, string[]>);
    expect(errors.name).toEqual(["Give it a name"]);
    expect(errors.body).toEqual(["Keep the message under 500 characters"]);
  });

  it("only a team message can be locked", () => {
    const r = messageTemplateSchema.safeParse({ scope: "personal", name: "Hi", body: "Hi", locked: "on" });
    expect(r.success).toBe(false);
    expect(
      messageTemplateSchema.parse({ scope: "team", name: "Hi", body: "Hi", locked: "on" }),
    ).toMatchObject({
      locked: true,
      team: "",
    });
  });

  it("the send form carries the chosen message's id, or none", () => {
    const base = {
      sendType: "egift",
      idempotencyKey: crypto.randomUUID(),
      touchId: 5,
      recipientEmail: "a@example.com",
    };
    const id = crypto.randomUUID();
    expect(sendGiftSchema.parse({ ...base, messageTemplateId: id }).messageTemplateId).toBe(id);
    expect(sendGiftSchema.parse({ ...base, messageTemplateId: "" }).messageTemplateId).toBeUndefined();
    expect(sendGiftSchema.safeParse({ ...base, messageTemplateId: "nope" }).success).toBe(false);
  });
});
