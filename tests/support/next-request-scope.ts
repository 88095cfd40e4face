import "./next-async-storage";

/**
 * Runs `fn` as Next runs a server action's body: inside a request's work store, so `revalidatePath`
 * and `after` behave as in the app (revalidations are noted, `after` tasks collected, not run) instead
 * of throwing "outside a request scope". Only what those two read is provided.
 */
export async function inActionScope<T>(fn: () => Promise<T>): Promise<T> {
  const { workAsyncStorage } = await import("next/dist/server/app-render/work-async-storage.external");
  const { workUnitAsyncStorage } = await import(
    "next/dist/server/app-render/work-unit-async-storage.external"
  );
  const deferred: unknown[] = [];
  const workStore = {
    route: "/fuzz",
    incrementalCache: {},
    pendingRevalidatedTags: [],
    afterContext: { after: (task: unknown) => void deferred.push(task) },
  };
  const workUnitStore = { type: "request", phase: "action" };
  return workAsyncStorage.run(workStore as never, () => workUnitAsyncStorage.run(workUnitStore as never, fn));
}
