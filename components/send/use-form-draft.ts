"use client";

import { useEffect } from "react";
import type { SendForm } from "./form-types";

const STORAGE_KEY = "gift-desk:send-draft";

/**
 * Keeps the form (with its idempotency key) in this tab's sessionStorage, so a reload after a lost
 * connection brings back the same form: resubmitting it returns the first outcome instead of sending
 * again. Cleared after a definite outcome.
 */
export function useFormDraft(form: SendForm, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const saved = sessionStorage.getItem(STORAGE_KEY);
    if (saved) {
      try {
        form.reset({ ...form.getValues(), ...JSON.parse(saved) });
      } catch {
        sessionStorage.removeItem(STORAGE_KEY);
      }
    }
    const subscription = form.watch((values) => sessionStorage.setItem(STORAGE_KEY, JSON.stringify(values)));
    return () => subscription.unsubscribe();
  }, [form, enabled]);
}

export function clearFormDraft() {
  sessionStorage.removeItem(STORAGE_KEY);
}
