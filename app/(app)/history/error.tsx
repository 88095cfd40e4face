"use client";

import { type ErrorBoundaryProps, RouteError } from "@/components/errors/route-error";

export default function HistoryError(props: ErrorBoundaryProps) {
  return (
    <RouteError
      {...props}
      title="History could not be loaded"
      body="Gift Desk could not read its records just now. Nothing about your sends has changed."
    />
  );
}
