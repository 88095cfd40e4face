// In CI the races and locks must be proven on a real PostgreSQL (PGlite serialises transactions, so a
// missing lock cannot fail there): without TEST_DATABASE_URL the run fails instead of quietly passing
// on PGlite only. Locally it only warns.
export function postgresGuard(env) {
  if (env.TEST_DATABASE_URL) return { fail: false, message: null };
  const ci = Boolean(env.CI) && env.CI !== "false" && env.CI !== "0";
  return {
    fail: ci,
    message:
      `${ci ? "FAILED" : "warning"}: TEST_DATABASE_URL is not set, so integration tests run on PGlite only ` +
      "(set it to a local PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/postgres).",
  };
}
