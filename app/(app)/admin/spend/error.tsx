"use client";

import { type ErrorBoundaryProps, RouteError } from "@/components/errors/route-error";

export default function SpendError(props: ErrorBoundaryProps) {
  return (
    <RouteError
      {...props}
      title="Spend controls could not be loaded"
      body="Gift Desk could not read the budgets and rules just now. Nothing was changed."
    />
  );
}
