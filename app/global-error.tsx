"use client";

import { type ErrorBoundaryProps, RouteError } from "@/components/errors/route-error";
import { StaticPage } from "@/components/errors/static-header";
import "./globals.css";

/** Replaces the root layout when that itself fails, so it brings its own document and styles. */
export default function GlobalError(props: ErrorBoundaryProps) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-canvas font-sans text-ink antialiased">
        <StaticPage>
          <RouteError
            {...props}
            title="Gift Desk could not start this page"
            body="Something failed before the page could be drawn. Nothing was sent or changed."
          />
        </StaticPage>
      </body>
    </html>
  );
}
