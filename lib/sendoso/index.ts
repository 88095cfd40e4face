import "server-only";
import { getConfig } from "@/lib/env";
import { createSendosoClient, type SendosoClient } from "./client";
import type { Touch } from "./schemas";

const globalForSendoso = globalThis as unknown as {
  giftDeskSendoso?: SendosoClient;
  giftDeskTouches?: { at: number; touches: Promise<Touch[]> };
};

const TOUCH_CACHE_MS = 60_000;

/** The app's Sendoso client. Until reps connect their own accounts it uses the shared sandbox token. */
export function getSendosoClient(): SendosoClient {
  if (!globalForSendoso.giftDeskSendoso) {
    const { sendoso } = getConfig();
    globalForSendoso.giftDeskSendoso = createSendosoClient({
      baseUrl: sendoso.baseUrl,
      getAccessToken: async () => sendoso.sandboxToken,
      timeoutMs: sendoso.timeoutMs,
    });
  }
  return globalForSendoso.giftDeskSendoso;
}

/** Active touches, cached briefly in-process: the list changes rarely and every send page needs it. */
export function listActiveTouches(): Promise<Touch[]> {
  const cached = globalForSendoso.giftDeskTouches;
  if (cached && Date.now() - cached.at < TOUCH_CACHE_MS) return cached.touches;
  const touches = getSendosoClient().listTouches();
  globalForSendoso.giftDeskTouches = { at: Date.now(), touches };
  touches.catch(() => {
    if (globalForSendoso.giftDeskTouches?.touches === touches) globalForSendoso.giftDeskTouches = undefined;
  });
  return touches;
}

export type { Touch } from "./schemas";
