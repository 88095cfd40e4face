import { expectNoViolations, pageAs } from "./history-support";
import { sendoso, uniqueEmail } from "./support/sandbox";
import { chooseTouch } from "./support/send-form";
import { expect, type Page, test } from "./support/test";

test.afterEach(() => sendoso.clearFaults());

const toast = (page: Page, text: string) => expect(page.getByText(text).first()).toBeVisible();

async function removeMessage(page: Page, name: string) {
  await page.goto("/settings");
  await page.getByRole("button", { name: `Remove ${name}` }).click();
  await toast(page, "Message removed");
}

test("a manager's locked team message goes out exactly as written; an edited copy is refused", async ({
  browser,
}) => {
  const name = `Quarterly thanks ${Date.now()}`;
  const manager = await pageAs(browser, "manager");
  await manager.goto("/settings");
  const form = manager.getByRole("form", { name: "Save message" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Whose message").selectOption("team");
  await form.getByLabel(/^Message\b/).fill("Thanks {first_name}, from all of us to {company}!");
  await expect(manager.getByTestId("new-template-preview")).toHaveText(
    "Thanks Jane, from all of us to Acme Inc.!",
  );
  await form.getByLabel("Locked: reps send it exactly as written").click();
  await form.getByRole("button", { name: "Save message" }).click();
  await toast(manager, "Message saved");
  const row = manager.getByTestId("template-row").filter({ hasText: name });
  await expect(row).toContainText("Team a");
  await expect(row).toContainText("Locked");
  await expectNoViolations(manager);

  try {
    const rep = await pageAs(browser, "rep");
    const email = uniqueEmail("locked");
    await rep.goto("/send");
    await chooseTouch(rep, "$50 Amazon eGift");
    await rep.getByLabel("Recipient name").fill("Robin Reader");
    await rep.getByLabel("Recipient email").fill(email);
    await rep.getByLabel("Company").fill("Initech");
    await rep.getByLabel("Saved message").selectOption({ label: `${name} (locked)` });
    const message = rep.getByLabel("Custom message");
    await expect(message).toHaveValue("Thanks {first_name}, from all of us to {company}!");
    await expect(message).toHaveAttribute("readonly", "");
    await expect(rep.getByTestId("message-locked")).toBeVisible();
    await expect(rep.getByTestId("message-preview")).toHaveText("Thanks Robin, from all of us to Initech!");
    await expectNoViolations(rep);

    // Someone edits the locked text anyway (the attribute removed by hand): the server refuses.
    await message.evaluate((el) => el.removeAttribute("readonly"));
    await message.fill("Thanks Robin, love from me only.");
    await rep.getByRole("button", { name: "Send gift" }).click();
    await expect(rep.getByTestId("form-error")).toContainText(`“${name}” is a locked team message`);
    expect(await sendoso.sendPostsFor(email)).toHaveLength(0);

    // Chosen again, it is sent as written, the variables filled in.
    await rep.getByLabel("Saved message").selectOption("");
    await rep.getByLabel("Saved message").selectOption({ label: `${name} (locked)` });
    await rep.getByRole("button", { name: "Send gift" }).click();
    await expect(rep.getByTestId("tracking-code")).toBeVisible();
    const [post] = await sendoso.sendPostsFor(email);
    expect(post?.json?.send).toMatchObject({ custom_message: "Thanks Robin, from all of us to Initech!" });
  } finally {
    await removeMessage(manager, name);
  }
});

test("a rep keeps a message of their own, edits it, and a nameless one is refused", async ({ browser }) => {
  const name = `My follow-up ${Date.now()}`;
  const rep = await pageAs(browser, "rep");
  await rep.goto("/settings");
  const form = rep.getByRole("form", { name: "Save message" });
  // Reps write only their own: no choice of whose message, no lock.
  await expect(form.getByLabel("Whose message")).toHaveCount(0);
  await form.getByLabel(/^Message\b/).fill("Great to meet you, {first_name}.");
  await form.getByRole("button", { name: "Save message" }).click();
  await expect(rep.getByTestId("new-template-name-error")).toHaveText("Give it a name");
  await form.getByLabel("Name").fill(name);
  await form.getByRole("button", { name: "Save message" }).click();
  await toast(rep, "Message saved");
  const row = rep.getByTestId("template-row").filter({ hasText: name });
  await expect(row).toContainText("Yours");
  await expect(row.getByTestId("template-preview")).toHaveText("Great to meet you, Jane.");

  await row.getByRole("button", { name: `Edit ${name}` }).click();
  await row.getByLabel(/^Message\b/).fill("Lovely to meet you, {first_name}.");
  await row.getByRole("button", { name: `Save ${name}` }).click();
  await expect(row.getByTestId("template-preview")).toHaveText("Lovely to meet you, Jane.");
  await expectNoViolations(rep);

  // On the send form it fills the message and stays editable.
  await rep.goto("/send");
  await rep.getByLabel("Saved message").selectOption({ label: name });
  await expect(rep.getByLabel("Custom message")).toHaveValue("Lovely to meet you, {first_name}.");
  await expect(rep.getByLabel("Custom message")).not.toHaveAttribute("readonly", "");
  await removeMessage(rep, name);
});
