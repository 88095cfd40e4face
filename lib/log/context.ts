import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";

/**
 * Who and which request a log line belongs to, found without passing anything down: Next keeps the
 * current request in its own AsyncLocalStorage (the same store `headers()` reads), and proxy.ts puts the
 * request id on its headers. The signed-in user is attached to that request once the session is read
 * (lib/auth/session.ts calls `rememberLogUser`). Outside a request (jobs, scripts, tests) both are absent.
 * Next's store is an internal module, pinned with next: if its shape changes, lines simply lose the ids.
 */
const usersByRequest = new WeakMap<object, string>();

type RequestStoreLike = { type: string; headers?: { get(name: string): string | null } };

function currentRequestStore(): RequestStoreLike | undefined {
  try {
    const store = workUnitAsyncStorage.getStore() as RequestStoreLike | undefined;
    return store?.type === "request" ? store : undefined;
  } catch {
    return undefined;
  }
}

export function rememberLogUser(userId: string): void {
  const store = currentRequestStore();
  if (store) usersByRequest.set(store, userId);
}

/** The fields added to every line logged while handling a request. */
export function logContext(): { requestId?: string; userId?: string } {
  const store = currentRequestStore();
  if (!store) return {};
  const requestId = store.headers?.get("x-request-id") ?? undefined;
  const userId = usersByRequest.get(store);
  return { ...(requestId ? { requestId } : {}), ...(userId ? { userId } : {}) };
}
