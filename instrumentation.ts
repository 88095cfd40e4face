import type { Instrumentation } from "next";

/** Runs once when the server starts (not during `next build`); the work is Node-only (lib/startup.ts). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("@/lib/startup");
  await startServer();
}

/** Route, page, action and proxy errors, as structured log lines with path and digest (lib/log). */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logRequestError } = await import("@/lib/log/request-error");
  logRequestError(error, request, context);
};
