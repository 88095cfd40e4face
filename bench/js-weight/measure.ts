import { type Browser, chromium } from "@playwright/test";

export type Weight = {
  /** Compressed bytes of the scripts the page's HTML names (script src, preload): Next's "first load". */
  firstLoad: number;
  /** Scripts fetched afterwards: lazy chunks (charts, combobox, toaster) and link prefetches. */
  later: number;
  finalUrl: string;
  files: { url: string; bytes: number; firstLoad: boolean }[];
};

/**
 * JavaScript a fresh page load transfers, compressed as on the wire (Chromium's network log,
 * encodedDataLength), in a new browser context so nothing comes from cache. The page is left until
 * the network is idle, so `later` includes what loads on its own right after the page is interactive.
 */
export async function jsWeight(
  browser: Browser,
  url: string,
  cookies: { name: string; value: string; url: string }[] = [],
): Promise<Weight> {
  const context = await browser.newContext();
  await context.addCookies(cookies);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const scripts = new Map<string, string>();
  const sizes = new Map<string, number>();
  let documentId: string | null = null;
  cdp.on("Network.responseReceived", (e) => {
    if (e.type === "Script") scripts.set(e.requestId, e.response.url);
    if (e.type === "Document") documentId = e.requestId;
  });
  cdp.on("Network.loadingFinished", (e) => {
    sizes.set(e.requestId, e.encodedDataLength);
  });
  await page.goto(url, { waitUntil: "networkidle" });
  const finalUrl = page.url();
  const html = documentId
    ? ((await cdp.send("Network.getResponseBody", { requestId: documentId })) as { body: string }).body
    : "";
  await context.close();
  const named = new Set(
    [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => new URL(m[1] ?? "", finalUrl).href),
  );
  const files = [...scripts].map(([id, scriptUrl]) => ({
    url: scriptUrl,
    bytes: sizes.get(id) ?? 0,
    firstLoad: named.has(scriptUrl),
  }));
  const sum = (list: typeof files) => list.reduce((total, f) => total + f.bytes, 0);
  return {
    firstLoad: sum(files.filter((f) => f.firstLoad)),
    later: sum(files.filter((f) => !f.firstLoad)),
    finalUrl,
    files,
  };
}

export const launchChromium = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic"],
  });
