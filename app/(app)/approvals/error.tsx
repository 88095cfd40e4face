"use client";

import { type ErrorBoundaryProps, RouteError } from "@/components/errors/route-error";

export default function ApprovalsError(props: ErrorBoundaryProps) {
  return (
    <RouteError
      {...props}
      title="Approvals could not be loaded"
      body="Gift Desk could not read the approval queue just now. No gift was approved or sent."
    />
  );
}
