"use client";

import { type ErrorBoundaryProps, RouteError } from "@/components/errors/route-error";

export default function DashboardError(props: ErrorBoundaryProps) {
  return (
    <RouteError
      {...props}
      title="The dashboard could not be loaded"
      body="Gift Desk could not add up the figures just now. Nothing has changed."
    />
  );
}
