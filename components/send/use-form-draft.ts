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
        // The page's defaults stay the defaults: "Send another" starts from them, not from this draft.
        form.reset({ ...form.getValues(), ...JSON.parse(saved) }, { keepDefaultValues: true });
      } catch {
        sessionStorage.removeItem(storageKey);
      }
    }
    const save = (values: unknown) => sessionStorage.setItem(storageKey, JSON.stringify(values));
    // Saved at once, not on the first change only: a CRM-prefilled form sent as it came (nothing
    // typed) must come back with its key after a reload, or Send again would be a second intent.
    save(form.getValues());
    const subscription = form.watch(save);
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
