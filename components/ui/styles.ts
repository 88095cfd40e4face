/** Shared class strings for the ui primitives (no React here). */

/** Visible keyboard focus ring used by every interactive element. */
export const focusRing =
  "focus-visible:outline-hidden focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2 focus-visible:ring-offset-white";

/** Text-like form controls: Input, Textarea, Select. `aria-invalid="true"` gets a danger border. */
export const controlClasses =
  "block w-full rounded-control border border-line-strong bg-white px-3 py-2 text-sm text-ink shadow-xs placeholder:text-ink-muted " +
  "focus-visible:outline-hidden focus-visible:border-brand-600 focus-visible:ring-2 focus-visible:ring-brand-600/50 " +
  "disabled:cursor-not-allowed disabled:bg-surface-muted disabled:text-ink-muted " +
  "aria-[invalid=true]:border-danger aria-[invalid=true]:focus-visible:border-danger aria-[invalid=true]:focus-visible:ring-danger/50";
