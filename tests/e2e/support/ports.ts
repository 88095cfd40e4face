/** Ports of the e2e stack, apart from `npm run dev`'s (3000/4000/4010) so both can run at once. */
const appPort = 3100;
const idpPort = 4100;
const sendosoPort = 4110;

export const E2E = {
  appPort,
  idpPort,
  sendosoPort,
  appUrl: `http://localhost:${appPort}`,
  idpUrl: `http://127.0.0.1:${idpPort}`,
  sendosoUrl: `http://127.0.0.1:${sendosoPort}`,
};
