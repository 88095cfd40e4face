/**
 * Ports of the e2e stack, apart from `npm run dev`'s (3000/4000/4010) so both can run at once.
 * E2E_PORT_OFFSET shifts all three, for a second checkout testing on the same machine.
 */
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
const appPort = 3100 + offset;
const idpPort = 4100 + offset;
const sendosoPort = 4110 + offset;
// Apart from 31xx/41xx so no other checkout's offset lands on them.
const smtpPort = 4200 + offset;
const smtpHttpPort = 4250 + offset;

export const E2E = {
  appPort,
  idpPort,
  sendosoPort,
  appUrl: `http://localhost:${appPort}`,
  idpUrl: `http://127.0.0.1:${idpPort}`,
  sendosoUrl: `http://127.0.0.1:${sendosoPort}`,
  smtpPort,
  smtpHttpPort,
  smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
  smtpHttpUrl: `http://127.0.0.1:${smtpHttpPort}`,
  /** Lets tests run the /api/cron/* jobs now instead of waiting for the in-process schedule. */
  cronSecret: "e2e-cron-secret-not-for-production",
};

/**
 * The per-user send limit the e2e app runs with: high enough that a fast machine running the send specs
 * back to back stays under it for the rep, low enough for rate-limit.spec.ts to reach it cheaply.
 */
export const E2E_SENDS_PER_MINUTE = 60;
