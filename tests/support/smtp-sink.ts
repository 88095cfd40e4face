import { createSmtpSink, type SmtpSink } from "@/sandbox/smtp/sink";

/** The dev SMTP sink, started in this process on a free port, as a real SMTP server for the test. */
export async function startSmtpSink(): Promise<{ sink: SmtpSink; smtpUrl: string }> {
  const sink = createSmtpSink();
  const port = await sink.listen(0);
  return { sink, smtpUrl: `smtp://127.0.0.1:${port}` };
}
