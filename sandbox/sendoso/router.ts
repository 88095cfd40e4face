import type { AuthInfo } from "./auth";
import type { SimRequest, SimResponse } from "./http-utils";
import type { SimulatorState } from "./state";

export interface RouteContext {
  state: SimulatorState;
  /** Set for routes declared with `auth: true`. */
  auth: AuthInfo | null;
}

export type Handler = (req: SimRequest, ctx: RouteContext) => SimResponse | Promise<SimResponse>;

export interface RouteDef {
  method: string;
  /** e.g. "/api/v3/groups/:id/members" */
  pattern: string;
  handler: Handler;
  /** Bearer token required (all /api/v3 routes). */
  auth?: boolean;
  /** Needs the `write` scope when `requireWriteScope` is on. */
  write?: boolean;
}

export interface RouteMatch {
  route: RouteDef;
  params: Record<string, string>;
}

export function matchRoute(routes: readonly RouteDef[], method: string, path: string): RouteMatch | null {
  const segments = path.split("/");
  for (const route of routes) {
    if (route.method !== method) continue;
    const parts = route.pattern.split("/");
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matched = parts.every((part, i) => {
      const segment = segments[i] ?? "";
      if (part.startsWith(":")) {
        if (segment === "") return false;
        params[part.slice(1)] = decodeURIComponent(segment);
        return true;
      }
      return part === segment;
    });
    if (matched) return { route, params };
  }
  return null;
}

/** Rails accepts a `.json` format suffix and a trailing slash; normalise both away. */
export function normalisePath(path: string): string {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, "") : path;
  return trimmed.endsWith(".json") ? trimmed.slice(0, -".json".length) : trimmed;
}
