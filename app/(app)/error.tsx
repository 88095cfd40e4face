"use client";

import { type ErrorBoundaryProps, RouteError } from "@/components/errors/route-error";

export default function AppError(props: ErrorBoundaryProps) {
  return (
    <RouteError
      {...props}
      title="This page could not be loaded"
      body="Gift Desk ran into a problem showing this page. Nothing was sent or changed."
    />
  );
}
