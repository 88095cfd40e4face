import { rmSync } from "node:fs";
import { createDevIdp } from "@/sandbox/idp/server";
import { createSendosoSimulator } from "@/sandbox/sendoso/simulator";
import { appUrl, connectSendoso, freePort, signIn, snapshotBuild, startApp } from "../send-path/app-server";
import { startBlankApp } from "./blank-app";
import { jsWeight, launchChromium } from "./measure";

/**
 * First-load JavaScript per route (the scripts the page's HTML names), compressed as transferred, on a
 * production build (`next build` first; the bench runs a private copy of .next with the bundled
 * sandbox), against a blank Next page; also what loads by itself afterwards (lazy chunks, prefetches).
 * Signs in as the admin (who sees every route) through the dev IdP. The last line is `ratio max X`.
 * Usage: npx next build && npx tsx bench/js-weight/run.ts   (--files also lists each file)
 */
const LIST_FILES = process.argv.includes("--files");
const ADMIN = { email: "admin@giftdesk.test", password: "giftdesk" };
const SIGNED_IN_ROUTES = [
  "/history",
  "/dashboard",
  "/approvals",
  "/settings",
  "/notifications",
  "/admin/spend",
  "/admin/audit",
  "/admin/touches",
];

async function main() {
  const port = await freePort();
  const sim = createSendosoSimulator({ redirectUris: [`${appUrl(port)}/api/sendoso/oauth/callback`] });
  const sendosoUrl = await sim.listen(0);
  const idp = createDevIdp({ redirectUris: [`${appUrl(port)}/api/auth/callback/oidc`] });
  const idpUrl = await idp.listen(0);
  const buildDir = snapshotBuild();
  const app = await startApp(buildDir, { port, idpUrl, sendosoUrl });
  const blank = await startBlankApp();
  const browser = await launchChromium();
  const rows: { route: string; bytes: number; later: number }[] = [];
  try {
    const measure = async (route: string, label = route, cookies: Parameters<typeof jsWeight>[2] = []) => {
      const { firstLoad, later, finalUrl, files } = await jsWeight(browser, `${app.url}${route}`, cookies);
      if (LIST_FILES) {
        console.log(`\n${label}`);
        for (const f of files.sort((a, b) => b.bytes - a.bytes))
          console.log(
            `  ${(f.bytes / 1000).toFixed(1).padStart(6)} kB  ${f.firstLoad ? "first " : "later "} ${new URL(f.url).pathname}`,
          );
      }
      if (new URL(finalUrl).pathname !== route.split("?")[0])
        throw new Error(`${route} ended at ${finalUrl}`);
      rows.push({ route: label, bytes: firstLoad, later });
    };
    const blankWeight = await jsWeight(browser, blank.url);
    const blankBytes = blankWeight.firstLoad;
    await measure("/signin");
    const session = await signIn(app, ADMIN.email, ADMIN.password);
    const cookies = session
      .cookieHeader(app.url)
      .split("; ")
      .map((pair) => {
        const eq = pair.indexOf("=");
        return { name: pair.slice(0, eq), value: pair.slice(eq + 1), url: app.url };
      });
    await measure("/send", "/send (connect first)", cookies);
    await connectSendoso(session, app, sendosoUrl);
    await measure("/send", "/send (form)", cookies);
    for (const route of SIGNED_IN_ROUTES) await measure(route, route, cookies);

    const kb = (bytes: number) => (bytes / 1000).toFixed(1).padStart(7);
    console.log(
      "\nFirst-load JavaScript, compressed as transferred (fresh context per page, production build)",
    );
    console.log("later = loaded by itself after the page is interactive (lazy chunks, link prefetches)\n");
    console.log(`${"route".padEnd(24)} first kB  × blank   later kB`);
    const line = (route: string, bytes: number, later: number) =>
      console.log(
        `${route.padEnd(24)} ${kb(bytes)}  ${(bytes / blankBytes).toFixed(2).padStart(7)}    ${kb(later)}`,
      );
    line("blank Next.js page", blankBytes, blankWeight.later);
    for (const { route, bytes, later } of rows) line(route, bytes, later);
    const max = Math.max(...rows.map((r) => r.bytes));
    console.log(`\ntarget ≤ 1.30 × blank = ${((1.3 * blankBytes) / 1000).toFixed(1)} kB`);
    console.log(`ratio max ${(max / blankBytes).toFixed(2)}`);
  } finally {
    await browser.close();
    blank.stop();
    await app.stop();
    rmSync(buildDir, { recursive: true, force: true });
    await Promise.all([sim.close(), idp.close()]);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
