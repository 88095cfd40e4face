/**
 * Ports of the e2e stack, apart from `npm run dev`'s (3000/4000/4010) so both can run at once.
 * E2E_PORT_OFFSET shifts all three, for a second checkout testing on the same machine.
 */
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
const appPort = 3100 + offset;
const idpPort = 4100 + offset;
const sendosoPort = 4110 + offset;

export const E2E = {
  appPort,
  idpPort,
  sendosoPort,
  appUrl: `http://localhost:${appPort}`,
  idpUrl: `http://127.0.0.1:${idpPort}`,
  sendosoUrl: `http://127.0.0.1:${sendosoPort}`,
};
