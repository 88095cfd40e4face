"use client";

import { type ErrorBoundaryProps, RouteError } from "@/components/errors/route-error";

export default function SendError(props: ErrorBoundaryProps) {
  return (
    <RouteError
      {...props}
      title="The send form could not be loaded"
      body="Sendoso or Gift Desk did not answer in time. No gift was sent."
    />
  );
}
