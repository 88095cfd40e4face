import { splitList } from "./options";
import { createSendosoSimulator } from "./simulator";
import { isWebhookSecret, SANDBOX_WEBHOOK_SECRET } from "./webhook-signing";

/** Webhook endpoints from SENDOSO_SIM_WEBHOOK_URLS / _SECRET / _RETRY_SECONDS (see README). */
function webhookOptions() {
  const secret = process.env.SENDOSO_SIM_WEBHOOK_SECRET?.trim() || SANDBOX_WEBHOOK_SECRET;
  if (!isWebhookSecret(secret)) {
    console.error("SENDOSO_SIM_WEBHOOK_SECRET must be whsec_ followed by base64.");
    process.exit(1);
  }
  const schedule = splitList(process.env.SENDOSO_SIM_WEBHOOK_RETRY_SECONDS)?.map(Number);
  if (schedule?.some((n) => !Number.isFinite(n) || n < 0)) {
    console.error("SENDOSO_SIM_WEBHOOK_RETRY_SECONDS must be a comma list of seconds, e.g. 0,5,300.");
    process.exit(1);
  }
  const urls = splitList(process.env.SENDOSO_SIM_WEBHOOK_URLS) ?? [];
  return { endpoints: urls.map((url) => ({ url, secret })), retryScheduleSeconds: schedule };
}

/** `npm run sandbox`: the Sendoso simulator on 127.0.0.1:4010 (SENDOSO_SIM_PORT to change). */
async function main(): Promise<void> {
  const port = Number(process.env.SENDOSO_SIM_PORT ?? 4010);
  const host = process.env.SENDOSO_SIM_HOST ?? "127.0.0.1";
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`SENDOSO_SIM_PORT must be a port number (0-65535), got "${process.env.SENDOSO_SIM_PORT}".`);
    process.exit(1);
  }
  const staticToken = process.env.SENDOSO_SANDBOX_TOKEN?.trim();
  const simulator = createSendosoSimulator({
    staticTokens: staticToken ? [staticToken] : undefined,
    redirectUris: splitList(process.env.SENDOSO_SIM_REDIRECT_URIS),
    webhooks: webhookOptions(),
  });

  try {
    // Like a real load balancer, keep idle sockets longer than clients do, so a client never writes a
    // request onto a socket the server is closing (an ECONNRESET the app would have to call "unknown").
    simulator.server.keepAliveTimeout = 65_000;
    const url = await simulator.listen(port, host);
    console.log(`Sendoso sandbox listening on ${url}`);
    for (const endpoint of simulator.state.webhooks.endpoints) console.log(`  webhooks → ${endpoint.url}`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      console.error(
        `Sendoso sandbox could not start: port ${port} on ${host} is already in use. ` +
          "Stop the other process or set SENDOSO_SIM_PORT to a free port.",
      );
    } else {
      console.error(`Sendoso sandbox could not start on ${host}:${port}:`, error);
    }
    process.exit(1);
  }

  const shutdown = () => {
    void simulator.close().then(() => process.exit(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

void main();
