"use client";

import { type ErrorBoundaryProps, RouteError } from "@/components/errors/route-error";

export default function AuditError(props: ErrorBoundaryProps) {
  return (
    <RouteError
      {...props}
      title="The audit log could not be loaded"
      body="Gift Desk could not read the audit log just now. Nothing was changed."
    />
  );
}
