#!/usr/bin/env node
// `npm run dev`: the bundled IdP, the Sendoso simulator, the SMTP sink and `next dev`, with prefixed logs.
// One Ctrl-C stops them all.
import net from "node:net";
import concurrently from "concurrently";

// The simulator announces every status change to the app's webhook route, signed with the secret the
// app verifies with: SENDOSO_WEBHOOK_SECRET when set, else the sandbox secret both default to.
const appUrl = (process.env.AUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
const simulatorEnv = {
  SENDOSO_SIM_WEBHOOK_URLS: `${appUrl}/api/sendoso/webhooks`,
  ...(process.env.SENDOSO_WEBHOOK_SECRET
    ? { SENDOSO_SIM_WEBHOOK_SECRET: process.env.SENDOSO_WEBHOOK_SECRET }
    : {}),
};

const services = [
  {
    name: "idp",
    port: 4000,
    what: "the dev sign-in (IdP)",
    command: "tsx sandbox/idp/main.ts",
    prefixColor: "magenta",
  },
  {
    name: "sendoso",
    port: 4010,
    what: "the Sendoso sandbox",
    command: "tsx sandbox/sendoso/main.ts",
    prefixColor: "yellow",
    env: simulatorEnv,
  },
  {
    name: "smtp",
    port: 4025,
    what: "the local SMTP sink (its message list is on 4026)",
    command: "tsx sandbox/smtp/main.ts",
    prefixColor: "green",
  },
  {
    name: "web",
    port: 3000,
    what: "Gift Desk",
    command: "next dev -p 3000",
    prefixColor: "cyan",
    // Notification emails go to the sink unless a real SMTP server is configured in the environment.
    env: { SMTP_URL: process.env.SMTP_URL ?? "smtp://127.0.0.1:4025" },
  },
];

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve(true)));
  });
}

const taken = [];
for (const s of services) if (!(await portIsFree(s.port))) taken.push(s);
if (taken.length > 0) {
  for (const s of taken) console.error(`Port ${s.port} is already in use; ${s.what} needs it.`);
  console.error("Stop whatever is using it (another `npm run dev`?) and try again.");
  process.exit(1);
}

console.log(`
  Gift Desk  →  http://localhost:3000   (embedded database in .data/, dev sign-in, Sendoso sandbox)

  Emails Gift Desk sends  →  http://127.0.0.1:4026/__smtp/messages   (local SMTP sink, nothing leaves)

  Demo logins (password: giftdesk)
    rep@giftdesk.test       rep, team a
    rep2@giftdesk.test      rep, team b
    manager@giftdesk.test   manager, team a
    admin@giftdesk.test     admin

  Ctrl-C stops everything.
`);

// Inherited by all three children (a fresh machine would otherwise print Next's telemetry banner).
process.env.NEXT_TELEMETRY_DISABLED = "1";

const { result } = concurrently(
  services.map(({ name, command, prefixColor, env }) => ({ name, command, prefixColor, env })),
  {
    prefix: "name",
    killOthersOn: ["failure", "success"],
  },
);
result.then(
  () => process.exit(0),
  () => process.exit(1),
);
