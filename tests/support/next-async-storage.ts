import { AsyncLocalStorage } from "node:async_hooks";

// Next's server runtime sets this global before its request stores load; outside Next a test must,
// and before anything imports next/* (import this module first).
(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;
