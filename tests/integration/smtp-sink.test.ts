import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createControlServer, listenControl } from "@/sandbox/smtp/control";
import { createSmtpSink } from "@/sandbox/smtp/sink";

describe("the dev SMTP sink over SMTP and HTTP", () => {
  const sink = createSmtpSink();
  let smtpPort: number;
  let control: ReturnType<typeof createControlServer>;
  let base: string;
  beforeAll(async () => {
    smtpPort = await sink.listen(0);
    control = createControlServer(sink, smtpPort);
    base = `http://127.0.0.1:${await listenControl(control, 0)}/__smtp`;
  });
  afterAll(async () => {
    control?.close();
    await sink.close();
  });

  const send = (to: string, subject: string) =>
    nodemailer
      .createTransport({ url: `smtp://user:pass@127.0.0.1:${smtpPort}` })
      .sendMail({ from: "a@giftdesk.test", to, subject, text: "Grüße, = and ünïcode" });

  it("stores decoded messages and lists them by recipient", async () => {
    await send("one@example.com", "Café ☕ is ready");
    await send("two@example.com", "Other");
    const response = await fetch(`${base}/messages?to=ONE@example.com`);
    const { messages } = (await response.json()) as {
      messages: { subject: string; text: string; to: string[] }[];
    };
    expect(messages.map((m) => [m.to, m.subject, m.text.trim()])).toEqual([
      [["one@example.com"], "Café ☕ is ready", "Grüße, = and ünïcode"],
    ]);
    expect((await (await fetch(`${base}/health`)).json()) as object).toEqual({ ok: true, smtpPort });
  });

  it("refuses recipients with the reply code it is given, until told to accept again", async () => {
    expect((await fetch(`${base}/refusal`, { method: "PUT", body: '{"code": 250}' })).status).toBe(400);
    const put = await fetch(`${base}/refusal`, { method: "PUT", body: '{"code": 550, "message": "Gone"}' });
    expect(put.status).toBe(200);
    await expect(send("three@example.com", "x")).rejects.toMatchObject({ responseCode: 550 });
    await fetch(`${base}/refusal`, { method: "DELETE" });
    await send("three@example.com", "y");
    await fetch(`${base}/messages`, { method: "DELETE" });
    expect(sink.messages()).toEqual([]);
  });
});
