import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import { config } from "@/proxy";

const matches = (url: string) => unstable_doesMiddlewareMatch({ config, url });

/** Issue 16 item 7: the proxy (CSP, request id) skips only real static files, not look-alike URLs. */
describe("proxy.ts matcher", () => {
  it.each([
    "/_next/static/chunks/main-abc123.js",
    "/_next/static/css/app.css",
    "/_next/image?url=%2Flogo.png&w=64&q=75",
    "/favicon.ico",
    "/icon.svg",
    "/icon-192.png",
    "/apple-icon.png",
    "/manifest.webmanifest",
  ])("skips the static file %s", (url) => {
    expect(matches(url)).toBe(false);
  });

  it.each([
    "/",
    "/send",
    "/history/00000000-0000-4000-8000-000000000000",
    "/history/notes.txt",
    "/api/sends/export.txt",
    "/api/sendoso/webhooks/x.svg",
    "/admin/audit/logo.png",
    "/send/font.woff2",
    "/favicon.ico.html",
    "/_next/staticky",
    "/history/icon.svg",
  ])("runs for %s", (url) => {
    expect(matches(url)).toBe(true);
  });
});
