import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // Next resolves this marker itself; under Vitest it is just a module with no effect.
      "server-only": fileURLToPath(new URL("./tests/support/empty-module.ts", import.meta.url)),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    // next-auth's ESM imports "next/server" without an extension, which Node's resolver refuses; let
    // Vite resolve it (only tests that import the server actions load next-auth).
    server: { deps: { inline: ["next-auth"] } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // PGlite instances are ~0.7 GB each; two forks keep a 2-core machine responsive.
    pool: "forks",
    maxWorkers: 2,
  },
});
