import { describe, expect, it } from "vitest";
import {
  clientReach,
  importsOf,
  isClientFile,
  type ProjectFile,
  projectFiles,
  routeHandlerGuard,
  serverActionExports,
} from "../support/architecture";

/**
 * The rules of docs/architecture.md ("Layers"), checked on every file instead of trusted to review.
 * Each rule has a deliberately wrong fixture in tests/unit/architecture-rules.test.ts that it catches.
 */
const files = projectFiles();
const inside = (prefix: string) => (f: ProjectFile) => f.path.startsWith(prefix);

describe("architecture", () => {
  it("lib/ never imports app/ or components/ (imports point down only)", () => {
    const upward = files.filter(inside("lib/")).flatMap((f) =>
      importsOf(f)
        .filter((to) => to.startsWith("app/") || to.startsWith("components/"))
        .map((to) => `${f.path} → ${to}`),
    );
    expect(upward).toEqual([]);
  });

  it("components/ never imports a route file from app/", () => {
    const upward = files.filter(inside("components/")).flatMap((f) =>
      importsOf(f)
        .filter((to) => to.startsWith("app/") && !/\/actions\.ts$|-actions\.ts$/.test(to))
        .map((to) => `${f.path} → ${to}`),
    );
    expect(upward).toEqual([]);
  });

  it("the sandbox servers are reached over HTTP only, never imported by the app", () => {
    const reached = files
      .filter((f) => !f.path.startsWith("sandbox/"))
      .filter((f) => /^(app|components|lib)\//.test(f.path))
      .flatMap((f) =>
        importsOf(f)
          .filter((to) => to.startsWith("sandbox/"))
          .map((to) => `${f.path} → ${to}`),
      );
    expect(reached).toEqual([]);
  });

  it("no client component can reach lib/db, lib/env or a server-only module", () => {
    const leaks = files.filter(isClientFile).flatMap((f) => clientReach(f, files));
    expect(leaks).toEqual([]);
  });

  it("every export of a 'use server' file is wrapped in defineAction", () => {
    const bare = files.flatMap((f) =>
      serverActionExports(f)
        .filter((e) => !e.wrapped)
        .map((e) => e.where),
    );
    expect(bare).toEqual([]);
  });

  it("every route handler goes through its wrapper (userRoute, cronRoute) or checks a webhook signature, or is listed", () => {
    const unguarded = files
      .filter((f) => /^app\/.*\/route\.ts$/.test(f.path))
      .filter((f) => routeHandlerGuard(f) === null)
      .map((f) => f.path);
    expect(unguarded).toEqual([]);
  });

  it("process.env is read in lib/env.ts only (and instrumentation's runtime check)", () => {
    const readers = files
      .filter((f) => /^(app|components|lib)\//.test(f.path) || f.path === "proxy.ts")
      .filter((f) => f.path !== "lib/env.ts" && /\bprocess\.env\b/.test(f.text))
      .map((f) => f.path);
    expect(readers).toEqual([]);
  });
});
