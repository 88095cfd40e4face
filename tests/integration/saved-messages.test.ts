import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { messageTemplates } from "@/lib/db/schema";
import { templateUseRefusal } from "@/lib/messages/template-use";
import {
  deleteTemplate,
  saveTemplate,
  teamsForMessages,
  templatesForSending,
  templatesToManage,
} from "@/lib/messages/templates";
import { messageTemplateSchema } from "@/lib/validation/messages";
import { backends } from "../support/databases";
import { type Cast, seedUsers } from "./history-seed";

const values = (v: Record<string, unknown>) => messageTemplateSchema.parse(v);

describe.each(backends)("saved messages on $name", (backend) => {
  let database: DatabaseHandle;
  let c: Cast;
  let lockedId: string;
  let personalId: string;

  beforeAll(async () => {
    database = await backend.open();
    c = await seedUsers(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("a manager writes their own team's messages, whatever team the request names", async () => {
    const saved = await saveTemplate(
      database.db,
      c.managerA,
      values({
        scope: "team",
        team: "b",
        name: "Thanks",
        body: "Thanks {first_name}, from all of us.",
        locked: true,
      }),
    );
    expect(saved).toMatchObject({ status: "saved", row: { team: "a", locked: true } });
    if (saved.status === "saved") lockedId = saved.row.id;
    expect(await teamsForMessages(database.db, c.managerA)).toEqual(["a"]);
  });

  it("a rep cannot write a team message, and their own can never be locked", async () => {
    const refused = await saveTemplate(
      database.db,
      c.repA,
      values({ scope: "team", name: "Mine", body: "Hello" }),
    );
    expect(refused).toEqual({
      status: "invalid",
      fieldErrors: { scope: ["You cannot write messages for this team"] },
    });
    const own = await saveTemplate(
      database.db,
      c.repA,
      values({ scope: "personal", name: "Mine", body: "Hi {company}" }),
    );
    expect(own).toMatchObject({ status: "saved", row: { team: null, locked: false } });
    if (own.status === "saved") personalId = own.row.id;
    // The table refuses a locked personal message even if code asked for one.
    await expect(
      database.db.insert(messageTemplates).values({ userId: c.repA.id, name: "x", body: "x", locked: true }),
    ).rejects.toThrow();
  });

  it("a name is unique per owner: the second is a field error, not a crash", async () => {
    const again = await saveTemplate(
      database.db,
      c.repA,
      values({ scope: "personal", name: "Mine", body: "Other" }),
    );
    expect(again).toEqual({
      status: "invalid",
      fieldErrors: { name: ["There is already a message with this name"] },
    });
  });

  it("each rep sees their team's messages and their own, never anyone else's", async () => {
    expect((await templatesForSending(database.db, c.repA)).map((t) => t.name)).toEqual(["Thanks", "Mine"]);
    expect((await templatesForSending(database.db, c.repA2)).map((t) => t.name)).toEqual(["Thanks"]);
    expect(await templatesForSending(database.db, c.repB)).toEqual([]);
    expect((await templatesToManage(database.db, c.repA2)).map((t) => t.name)).toEqual([]);
    expect((await templatesToManage(database.db, c.admin)).map((t) => t.name)).toEqual(["Thanks"]);
  });

  it("nobody changes or deletes a message they do not own or manage", async () => {
    const edit = await saveTemplate(
      database.db,
      c.repA,
      values({ id: lockedId, scope: "personal", name: "Hijack", body: "Mine now" }),
    );
    expect(edit).toEqual({ status: "not_found" });
    expect(await deleteTemplate(database.db, c.repA2, personalId)).toEqual({ status: "not_found" });
    expect(await deleteTemplate(database.db, c.repB, lockedId)).toEqual({ status: "not_found" });
  });

  it("a send with a locked team message must carry its exact text", async () => {
    const use = (user: Cast[keyof Cast], messageTemplateId: string, customMessage: string) =>
      templateUseRefusal(database.db, user, { messageTemplateId, customMessage });
    expect(await use(c.repA, lockedId, "Thanks {first_name}, from all of us.")).toBeNull();
    expect(await use(c.repA, lockedId, "Thanks {first_name}, from me and only me.")).toMatch(
      /“Thanks” is a locked team message/,
    );
    // Not locked: the rep may edit it freely.
    expect(await use(c.repA, personalId, "Something else entirely")).toBeNull();
    // Another team's, or another rep's, message cannot be used at all.
    expect(await use(c.repB, lockedId, "Thanks {first_name}, from all of us.")).toMatch(
      /no longer available/,
    );
    expect(await use(c.repA2, personalId, "Hi {company}")).toMatch(/no longer available/);
    expect(await templateUseRefusal(database.db, c.repA, { customMessage: "free text" })).toBeNull();
  });

  it("the manager deletes the team message", async () => {
    expect(await deleteTemplate(database.db, c.managerA, lockedId)).toMatchObject({ status: "deleted" });
    expect((await templatesForSending(database.db, c.repA2)).length).toBe(0);
  });
});
