import { defineConfig } from "drizzle-kit";

// Used only to generate migrations (`npm run db:generate`); the app applies them itself at start-up.
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.ts",
  out: "./lib/db/migrations",
});
