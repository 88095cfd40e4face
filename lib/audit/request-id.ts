import { headers } from "next/headers";

/**
 * The request id that ties an audit entry to the request (and the load balancer's logs). proxy.ts
 * gives every request one, keeping a well-formed id set upstream; server actions and route handlers
 * read it back here.
 */
export const REQUEST_ID_HEADER = "x-request-id";

// Upstream ids are accepted only in a plain shape: the value ends up in logs and CSV files.
const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;

/** For proxy.ts: the incoming id when it is well formed, else a new one. */
export function requestIdFor(incoming: Headers): string {
  const value = incoming.get(REQUEST_ID_HEADER);
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
