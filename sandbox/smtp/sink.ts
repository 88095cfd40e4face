/**
 * A local SMTP sink for development and tests: accepts every email (no TLS, any or no login), keeps the
 * last messages in memory, decoded, and can be told to refuse recipients with a given SMTP reply code.
 * Never a real mail server: nothing is relayed anywhere.
 */
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type SinkMessage = {
  id: number;
  /** Envelope sender and recipients (what the SMTP client said), not the headers. */
  from: string;
  to: string[];
  subject: string;
  text: string;
  headers: Record<string, string>;
  receivedAt: string;
};

/** Every RCPT TO is answered with this reply until cleared: 5xx is final, 4xx asks to retry later. */
export type Refusal = { code: number; message: string };

const KEEP_MESSAGES = 1_000;

/** mailparser gives structured headers (addresses, dates, content types); the sink shows them as text. */
function headerText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === "object") {
    if ("text" in value) return String(value.text);
    if ("value" in value) return String(value.value);
  }
  return JSON.stringify(value);
}

export function createSmtpSink() {
  const messages: SinkMessage[] = [];
  let nextId = 1;
  let refusal: Refusal | null = null;

  const server = new SMTPServer({
    logger: false,
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    allowInsecureAuth: true,
    size: 5 * 1024 * 1024,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? "anonymous" }),
    onRcptTo(_address, _session, callback) {
      if (!refusal) return callback();
      callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
    },
    onData(stream, session, callback) {
      simpleParser(stream).then((parsed) => {
        messages.push({
          id: nextId++,
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: parsed.subject ?? "",
          text: parsed.text ?? "",
          headers: Object.fromEntries([...parsed.headers].map(([k, v]) => [k, headerText(v)])),
          receivedAt: new Date().toISOString(),
        });
        if (messages.length > KEEP_MESSAGES) messages.splice(0, messages.length - KEEP_MESSAGES);
        callback();
      }, callback);
    },
  });

  return {
    /** Resolves with the bound port (pass 0 for any free one). */
    listen(port: number, host = "127.0.0.1"): Promise<number> {
      return new Promise((resolve, reject) => {
        server.server.once("error", reject);
        server.listen(port, host, () => resolve((server.server.address() as AddressInfo).port));
      });
    },
    messages: (to?: string) =>
      to ? messages.filter((m) => m.to.some((t) => t.toLowerCase() === to.toLowerCase())) : [...messages],
    clear: () => {
      messages.length = 0;
    },
    refuse: (next: Refusal | null) => {
      refusal = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpSink = ReturnType<typeof createSmtpSink>;
