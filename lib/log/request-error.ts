import { log } from "./index";

type RequestInfo = { path: string; method: string; headers: Record<string, string | string[] | undefined> };
type ErrorContext = { routerKind: string; routePath: string; routeType: string };

/**
 * Next's `onRequestError` (instrumentation.ts): every error a route, page, action or proxy throws, as one
 * line with the path, the route, the digest the user saw on the error page, and the request id. The
 * request's headers are not logged (cookies, authorization); the message and stack are scrubbed.
 */
export function logRequestError(error: unknown, request: RequestInfo, context: ErrorContext): void {
  const digest = typeof error === "object" && error && "digest" in error ? String(error.digest) : undefined;
  const requestId = request.headers["x-request-id"];
  log.error(
    {
      err: error,
      digest,
      method: request.method,
      path: request.path.split("?")[0],
      route: context.routePath,
      routeType: context.routeType,
      ...(typeof requestId === "string" ? { requestId } : {}),
    },
    "request failed",
  );
}
