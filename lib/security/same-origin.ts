/**
 * Next.js already refuses server actions whose Origin names another host, but lets a request with no
 * Origin through. Money-moving actions require an Origin that matches the host the request came to,
 * and (where the browser says) a same-origin fetch.
 */
export function isSameOriginRequest(headers: Headers): boolean {
  const origin = headers.get("origin");
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!origin || !host) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const fetchSite = headers.get("sec-fetch-site");
  return originHost === host && (fetchSite === null || fetchSite === "same-origin");
}
