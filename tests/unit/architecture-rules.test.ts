import { describe, expect, it } from "vitest";
import {
  clientReach,
  importsOf,
  type ProjectFile,
  routeHandlerGuard,
  serverActionExports,
} from "../support/architecture";

/** Each rule of architecture.test.ts, shown catching a deliberately wrong file (so it can fail). */
const file = (path: string, text: string): ProjectFile => ({ path, text });
const anyPath = () => true;

describe("architecture rules catch a wrong file", () => {
  it("an upward import from lib/ resolves to the app/ file it names", () => {
    const wrong = file("lib/sends/x.ts", 'import { sendGift } from "@/app/(app)/send/actions";');
    expect(importsOf(wrong, anyPath)).toEqual(["app/(app)/send/actions"]);
    const relative = file("lib/sends/x.ts", 'export { Thing } from "../../components/ui/button";');
    expect(importsOf(relative, anyPath)).toEqual(["components/ui/button"]);
  });

  it("type-only imports are erased and do not count; side-effect and dynamic imports do", () => {
    const text = [
      'import type { Send } from "@/lib/db/schema";',
      'import { type Role } from "@/lib/db/schema";',
      'import "server-only";',
      'const lazy = () => import("@/lib/env");',
    ].join("\n");
    expect(importsOf(file("components/x.tsx", text), anyPath)).toEqual(["server-only", "lib/env"]);
  });

  it("a client component that reaches lib/db through a helper is reported with the chain", () => {
    const files = [
      file("components/x/picker.tsx", '"use client";\nimport { label } from "@/lib/x/label";'),
      file("lib/x/label.ts", 'import { sends } from "@/lib/db/schema";\nexport const label = 1;'),
    ];
    const [picker] = files as [ProjectFile];
    expect(clientReach(picker, files)).toEqual([
      "components/x/picker.tsx → lib/x/label.ts → lib/db/schema.ts",
    ]);
    // Through a 'use server' file the client only gets action references: no leak.
    const viaAction = [
      file("components/x/form.tsx", '"use client";\nimport { save } from "@/app/x/actions";'),
      file("app/x/actions.ts", '"use server";\nimport { getDb } from "@/lib/db";'),
    ];
    expect(clientReach(viaAction[0] as ProjectFile, viaAction)).toEqual([]);
  });

  it("a bare exported server action is reported, a defineAction one is not", () => {
    const text = [
      '"use server";',
      "export async function leak() {}",
      'export const ok = defineAction({ schema, permission: "send" }, async () => 1);',
      "export const alsoBare = async () => 1;",
    ].join("\n");
    expect(serverActionExports(file("app/x/actions.ts", text))).toEqual([
      { where: "app/x/actions.ts: leak", wrapped: false },
      { where: "app/x/actions.ts: ok", wrapped: true },
      { where: "app/x/actions.ts: alsoBare", wrapped: false },
    ]);
  });

  it("a route handler that never checks its caller has no guard", () => {
    const open = file(
      "app/api/x/route.ts",
      "export async function GET() { return Response.json(await all()); }",
    );
    expect(routeHandlerGuard(open)).toBeNull();
    // A hand-rolled session check is not the wrapper: it is reported too.
    const handRolled = file(
      "app/api/x/route.ts",
      "export async function GET() { const u = await currentUser(); }",
    );
    expect(routeHandlerGuard(handRolled)).toBeNull();
    const guarded = file("app/api/x/route.ts", "export const GET = userRoute({}, async (user) => ok(user));");
    expect(routeHandlerGuard(guarded)).toBe("session");
  });
});
