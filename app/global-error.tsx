"use client";

import "./globals.css";

type Props = { error: unknown; retry: () => void };

/**
 * Replaces the root layout when that itself fails, so it brings its own document and styles. Kept
 * free of the app's components: its code is loaded with every page, and the app may be what broke.
 */
export default function GlobalError({ error, retry }: Props) {
  const digest =
    typeof error === "object" && error !== null && "digest" in error && typeof error.digest === "string"
      ? error.digest
      : null;
  return (
    <html lang="en">
      <body className="min-h-screen bg-canvas font-sans text-ink antialiased">
        <title>Gift Desk could not start this page</title>
        <header className="border-b border-line bg-surface px-6 py-3">
          <a href="/send" className="text-lg font-semibold text-brand-700">
            Gift Desk
          </a>
        </header>
        <main id="main" className="mx-auto flex max-w-3xl flex-col gap-4 px-6 py-8">
          <h1 className="text-2xl font-semibold">Gift Desk could not start this page</h1>
          <p role="alert">Something failed before the page could be drawn. Nothing was sent or changed.</p>
          {digest ? (
            <p>
              If it keeps happening, give IT this reference: <code data-testid="error-digest">{digest}</code>
            </p>
          ) : null}
          <p>
            <button
              type="button"
              onClick={() => retry()}
              className="rounded-control bg-brand-600 px-4 py-2 text-sm font-medium text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
            >
              Try again
            </button>
          </p>
        </main>
      </body>
    </html>
  );
}
