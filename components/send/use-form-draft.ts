"use client";

import { useEffect } from "react";
import type { SendForm } from "./form-types";

const STORAGE_PREFIX = "gift-desk:send-draft";

/** One draft per starting point: the blank form, and each CRM prefill (a reload of its link). */
export const draftKeyFor = (prefill: object) =>
  Object.keys(prefill).length === 0 ? STORAGE_PREFIX : `${STORAGE_PREFIX}:${JSON.stringify(prefill)}`;

/**
 * Keeps the form (with its idempotency key) in this tab's sessionStorage, so a reload after a lost
 * connection brings back the same form: resubmitting it returns the first outcome instead of sending
 * again. CRM-prefilled forms keep theirs too, under their own key. Cleared after a definite outcome.
 */
export function useFormDraft(form: SendForm, storageKey: string) {
  useEffect(() => {
    const saved = sessionStorage.getItem(storageKey);
    if (saved) {
      try {
        form.reset({ ...form.getValues(), ...JSON.parse(saved) });
      } catch {
        sessionStorage.removeItem(storageKey);
      }
    }
    const subscription = form.watch((values) => sessionStorage.setItem(storageKey, JSON.stringify(values)));
    return () => subscription.unsubscribe();
  }, [form, storageKey]);
}

/** Forgets every saved draft of this tab (the form that had the outcome is one of them). */
export function clearFormDraft() {
  for (let i = sessionStorage.length - 1; i >= 0; i--) {
    const key = sessionStorage.key(i);
    if (key?.startsWith(STORAGE_PREFIX)) sessionStorage.removeItem(key);
  }
}
