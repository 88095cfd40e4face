/**
 * CLI for the local SMTP sink: `npm run sandbox:smtp` (tsx sandbox/smtp/main.ts); `npm run dev` starts it.
 * Env: SMTP_SINK_PORT (4025), SMTP_SINK_HTTP_PORT (4026), SMTP_SINK_HOST (127.0.0.1).
 * Point the app at it with SMTP_URL=smtp://127.0.0.1:4025; read what arrived at
 * http://127.0.0.1:4026/__smtp/messages.
 */
import { createControlServer, listenControl } from "./control";
import { createSmtpSink } from "./sink";

const host = process.env.SMTP_SINK_HOST ?? "127.0.0.1";
const smtpPort = Number(process.env.SMTP_SINK_PORT ?? 4025);
const httpPort = Number(process.env.SMTP_SINK_HTTP_PORT ?? 4026);

const sink = createSmtpSink();

async function main() {
  try {
    const boundSmtp = await sink.listen(smtpPort, host);
    const control = createControlServer(sink, boundSmtp);
    const boundHttp = await listenControl(control, httpPort, host);
    console.log(
      `[smtp-sink] SMTP on ${host}:${boundSmtp} (nothing is relayed). Messages: http://${host}:${boundHttp}/__smtp/messages`,
    );
    const shutdown = () => {
      control.close();
      sink.close().finally(() => process.exit(0));
    };
    process.once("SIGINT", shutdown);
    process.once("SIGTERM", shutdown);
  } catch (error) {
    const inUse = (error as NodeJS.ErrnoException).code === "EADDRINUSE";
    console.error(
      inUse
        ? `[smtp-sink] Port ${smtpPort} or ${httpPort} on ${host} is in use. Stop the other process or set SMTP_SINK_PORT / SMTP_SINK_HTTP_PORT.`
        : `[smtp-sink] failed to start: ${String(error)}`,
    );
    process.exit(1);
  }
}

void main();
