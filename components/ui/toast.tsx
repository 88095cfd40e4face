"use client";

import dynamic from "next/dynamic";
import { useEffect, useState } from "react";

/**
 * Toasts without Sonner in every page's first load: `toast.success(…)` loads Sonner and mounts its
 * toaster on first use, then shows the toast once the toaster listens (so its live region exists
 * before the text arrives and screen readers announce it). Mount <Toaster /> once (root layout).
 */
type Options = { id?: string | number; description?: string };
type Kind = "success" | "error" | "warning" | "info";

const LazySonnerToaster = dynamic(() => import("./toaster"), { ssr: false });

let wanted = false;
const wantListeners = new Set<() => void>();
let readyResolve: () => void = () => {};
const ready = new Promise<void>((resolve) => {
  readyResolve = resolve;
});

export function markToasterReady() {
  readyResolve();
}

function show(kind: Kind, message: string, options?: Options) {
  if (!wanted) {
    wanted = true;
    for (const listener of wantListeners) listener();
  }
  void Promise.all([import("sonner"), ready]).then(([{ toast }]) => toast[kind](message, options));
}

export const toast = {
  success: (message: string, options?: Options) => show("success", message, options),
  error: (message: string, options?: Options) => show("error", message, options),
  warning: (message: string, options?: Options) => show("warning", message, options),
  info: (message: string, options?: Options) => show("info", message, options),
};

/** Renders nothing until the first toast is asked for. */
export function Toaster() {
  const [on, setOn] = useState(wanted);
  useEffect(() => {
    const listener = () => setOn(true);
    wantListeners.add(listener);
    if (wanted) setOn(true);
    return () => {
      wantListeners.delete(listener);
    };
  }, []);
  return on ? <LazySonnerToaster /> : null;
}
