import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { E2E } from "./ports";

type Manifest = { node: Record<string, { exportedName?: string; filename?: string }> };

/** The id Next gave a server action in this build: what a scripted POST would use to call it. */
export function actionId(exportedName: string): string {
  const manifest = JSON.parse(
    readFileSync(".next/server/server-reference-manifest.json", "utf8"),
  ) as Manifest;
  const entry = Object.entries(manifest.node).find(([, v]) => v.exportedName === exportedName);
  if (!entry) throw new Error(`No server action named ${exportedName} in this build`);
  return entry[0];
}

/** Calls a server action directly, as an attacker's script would (no page, no button). */
export function postAction(
  request: APIRequestContext,
  path: string,
  name: string,
  args: unknown[],
  headers: Record<string, string> = { Origin: E2E.appUrl },
) {
  return request.post(path, {
    headers: { "Next-Action": actionId(name), "Content-Type": "text/plain;charset=UTF-8", ...headers },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
}
