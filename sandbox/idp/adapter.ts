/**
 * Per-instance in-memory storage for oidc-provider. Unlike the built-in (process-global) memory
 * adapter, two dev IdPs in one process (e.g. in tests) do not share state, and no warning is printed.
 */
import type { Adapter, AdapterPayload } from "oidc-provider";

interface Entry {
  model: string;
  payload: AdapterPayload;
  expiresAt: number | undefined;
}

const SWEEP_EVERY = 500;

export function createMemoryAdapterFactory(): (model: string) => Adapter {
  const store = new Map<string, Entry>();
  let writes = 0;

  const live = (key: string, entry: Entry | undefined): entry is Entry => {
    if (!entry) return false;
    if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      store.delete(key);
      return false;
    }
    return true;
  };
  const findWhere = (model: string, match: (p: AdapterPayload) => boolean) => {
    for (const [key, entry] of store) {
      if (live(key, entry) && entry.model === model && match(entry.payload)) return entry.payload;
    }
    return undefined;
  };

  return (model) => {
    const keyFor = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        const expiresAt = expiresIn ? Date.now() + expiresIn * 1000 : undefined;
        store.set(keyFor(id), { model, payload, expiresAt });
        if (++writes % SWEEP_EVERY === 0) for (const [key, entry] of store) live(key, entry);
      },
      async find(id) {
        const key = keyFor(id);
        const entry = store.get(key);
        return live(key, entry) ? entry.payload : undefined;
      },
      async findByUid(uid) {
        return findWhere(model, (p) => p.uid === uid);
      },
      async findByUserCode(userCode) {
        return findWhere(model, (p) => p.userCode === userCode);
      },
      async consume(id) {
        const entry = store.get(keyFor(id));
        if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        store.delete(keyFor(id));
      },
      async revokeByGrantId(grantId) {
        for (const [key, entry] of store) if (entry.payload.grantId === grantId) store.delete(key);
      },
    };
  };
}
