import { z } from "zod";

/**
 * A page of this app to send the user back to after a round trip elsewhere (Sendoso's consent
 * screen). Only a same-origin path: `/x?y`, never `//host`, `/\host` (browsers read both as another
 * host), a scheme, control characters or an API route. Anything else is not a return path.
 */
export function isReturnPath(value: string): boolean {
  if (value.length > 500 || !value.startsWith("/")) return false;
  if (value.startsWith("//") || value.includes("\\")) return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(value)) return false;
  // Parsed against a dummy origin: whatever the path says, it must stay on that origin.
  const url = new URL(value, "http://gift-desk.invalid");
  return url.origin === "http://gift-desk.invalid" && !url.pathname.startsWith("/api/");
}

export const returnPathSchema = z.string().refine(isReturnPath, "Not a page of Gift Desk");

/** `path` with `key=value` set in its query (replacing an earlier value), keeping the rest. */
export function withQueryParam(path: string, key: string, value: string): string {
  const url = new URL(path, "http://gift-desk.invalid");
  url.searchParams.set(key, value);
  return `${url.pathname}${url.search}${url.hash}`;
}
