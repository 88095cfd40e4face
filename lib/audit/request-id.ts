import { headers } from "next/headers";

/**
 * The request id that ties an audit entry to the request (and the load balancer's logs). proxy.ts
 * gives every request one in `x-request-id` (overwriting whatever the client sent), keeping a
 * well-formed id from the configured proxy header; server actions and route handlers read it back here.
 */
export const REQUEST_ID_HEADER = "x-request-id";

// Upstream ids are accepted only in a plain shape: the value ends up in logs and CSV files.
const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * For proxy.ts: the id set by your proxy in `trustedHeader` (TRUSTED_REQUEST_ID_HEADER) when well
 * formed, else a new one. A client's own `x-request-id` is never kept (issue 16): it would let anyone
 * stamp audit entries with an id of their choosing.
 */
export function requestIdFor(incoming: Headers, trustedHeader?: string): string {
  const value = trustedHeader ? incoming.get(trustedHeader) : null;
  return value && WELL_FORMED.test(value) ? value : crypto.randomUUID();
}

/** The current request's id; null outside a request (scripts, tests) or when the proxy did not run. */
export async function currentRequestId(): Promise<string | null> {
  try {
    const value = (await headers()).get(REQUEST_ID_HEADER);
    return value && WELL_FORMED.test(value) ? value : null;
  } catch {
    return null;
  }
}
