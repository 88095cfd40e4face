"use client";

import { type ErrorBoundaryProps, RouteError } from "@/components/errors/route-error";
import { StaticPage } from "@/components/errors/static-header";

/** The app's own layout failed (e.g. the database is down while loading the header's counts). */
export default function RootError(props: ErrorBoundaryProps) {
  return (
    <StaticPage>
      <RouteError
        {...props}
        title="Gift Desk could not load this page"
        body="Gift Desk's database or sign-in did not answer. Nothing was sent or changed."
      />
    </StaticPage>
  );
}
