import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import type { User } from "@/lib/db/schema";
import { answerRecipientCheck } from "@/lib/security/recipient-disclosure";
import { submitSend } from "@/lib/sends/send-service";
import { backends } from "../support/databases";
import { sandboxClient, sendDeps } from "../support/send-deps";
import { startSimulator, type TestSimulator } from "../support/simulator";
import { spendForm } from "../support/spend-fixture";
import { priced } from "../support/touch-pricing";
import { makeUser } from "../support/users";

/** Issue 16 item 5: the repeat-recipient check must not tell a rep who in other teams gifted someone. */
describe.each(backends)("repeat-recipient disclosure on $name", (backend) => {
  let database: DatabaseHandle;
  let sim: TestSimulator;
  const people: Record<string, User> = {};
  const recipient = "prospect@example.com";

  beforeAll(async () => {
    [database, sim] = await Promise.all([backend.open(), startSimulator()]);
    const db = database.db;
    people.rep = await makeUser(db, "dis-rep", "rep", "a", "Asker Rep");
    people.teammate = await makeUser(db, "dis-mate", "rep", "a", "Tina Teammate");
    people.outsider = await makeUser(db, "dis-other", "rep", "b", "Olga Otherteam");
    people.manager = await makeUser(db, "dis-manager", "manager", "a", "Mia Manager");
    people.admin = await makeUser(db, "dis-admin", "admin", "ops", "Ada Admin");
    for (const who of ["teammate", "outsider"]) {
      const sent = await submitSend(
        deps(),
        people[who] as User,
        spendForm({ recipientEmail: recipient, confirmRepeatRecipient: true }),
        priced(`${who} touch`, 5),
      );
      expect(sent.status).toBe("sent");
    }
  });
  afterAll(async () => {
    await Promise.all([database?.close(), sim?.close()]);
  });

  function deps() {
    return sendDeps(database.db, sandboxClient(sim, { timeoutMs: 5_000 }));
  }
  async function checkAs(who: string, limit = 100) {
    const viewer = people[who] as User;
    const result = await submitSend(
      deps(),
      viewer,
      spendForm({ recipientEmail: recipient }),
      priced("Mug", 5),
    );
    if (result.status !== "needs_confirmation") throw new Error(`expected a question, got ${result.status}`);
    return answerRecipientCheck(database.db, viewer, result, limit);
  }

  it("a rep learns only the day of gifts outside their own sends", async () => {
    const answer = await checkAs("rep");
    const today = new Date().toISOString().slice(0, 10);
    expect(answer.priorSends).toEqual([
      { senderName: null, touchName: null, createdAt: today, state: null, outsideScope: true },
    ]);
    const text = JSON.stringify(answer);
    for (const secret of ["Tina", "Olga", "outsider touch", "teammate touch", people.outsider?.id, '"b"']) {
      expect(text).not.toContain(secret);
    }
  });

  it("a manager sees the team's gift in full, and only the day of the other team's", async () => {
    const answer = await checkAs("manager");
    expect(answer.priorSends).toHaveLength(2);
    expect(answer.priorSends.find((p) => !p.outsideScope)).toMatchObject({
      senderName: "Tina Teammate",
      touchName: "teammate touch",
      state: "sent",
    });
    expect(answer.priorSends.find((p) => p.outsideScope)?.senderName).toBeNull();
    expect(JSON.stringify(answer)).not.toContain("Olga");
  });

  it("an admin sees everything; no scope fields ever leave the server", async () => {
    const answer = await checkAs("admin");
    expect(answer.priorSends.map((p) => p.senderName).sort()).toEqual(["Olga Otherteam", "Tina Teammate"]);
    expect(answer.priorSends.every((p) => !("senderId" in p) && !("team" in p))).toBe(true);
  });

  it("checks that send nothing have their own lower limit: past it nothing is disclosed", async () => {
    const prober = await makeUser(database.db, "dis-prober", "rep", "c");
    people.prober = prober;
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await checkAs("prober", 2));
    expect(answers.map((a) => a.status)).toEqual(["needs_confirmation", "needs_confirmation", "blocked"]);
    expect(answers[2]).toMatchObject({ priorSends: [] });
    expect((answers[2] as { message: string }).message).toContain("Nothing was sent");
  });
});
