import type { NotificationCategory } from "@/lib/db/schema";
import { CATEGORY_INFO } from "./categories";

export type NotificationEmail = { subject: string; text: string };

const SUBJECT_MAX = 200;

/** Header-safe: one line, no control characters, bounded length. */
function oneLine(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const flat = value.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  return flat.length > SUBJECT_MAX ? `${flat.slice(0, SUBJECT_MAX - 1)}…` : flat;
}

/** An in-app path such as `/history/42`: not protocol-relative (`//host`) and not another scheme. */
export function isAppPath(link: string | null | undefined): link is string {
  return !!link && link.startsWith("/") && !link.startsWith("//") && !link.startsWith("/\\");
}

/**
 * The absolute URL of an app path, or null. Notification links are app paths (`/history/<id>`); anything
 * that would leave the app (`//host`, `https://…`, `javascript:`) is dropped rather than mailed.
 */
export function appLink(appUrl: string, link: string | null | undefined): string | null {
  if (!isAppPath(link)) return null;
  const base = new URL(appUrl);
  const url = new URL(link, base);
  return url.origin === base.origin ? url.toString() : null;
}

/** Plain-text email for one notification: what happened, where to look, and how to turn it off. */
export function renderNotificationEmail(
  notification: { category: NotificationCategory; title: string; body: string; link?: string | null },
  options: { appUrl: string },
): NotificationEmail {
  const target = appLink(options.appUrl, notification.link);
  const settings = appLink(options.appUrl, "/settings#email-notifications");
  const lines = [notification.body.trim(), ""];
  if (target) lines.push(`Open in Gift Desk: ${target}`, "");
  lines.push(
    "--",
    `You get this email because "${CATEGORY_INFO[notification.category].label}" emails are on in Gift Desk.`,
    `Change which emails you get: ${settings}`,
  );
  return { subject: oneLine(`Gift Desk: ${notification.title}`), text: `${lines.join("\n")}\n` };
}
