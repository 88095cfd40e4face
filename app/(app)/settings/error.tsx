"use client";

import { type ErrorBoundaryProps, RouteError } from "@/components/errors/route-error";

export default function SettingsError(props: ErrorBoundaryProps) {
  return (
    <RouteError
      {...props}
      title="Settings could not be loaded"
      body="Gift Desk could not read your settings just now. Your Sendoso connection is unchanged."
    />
  );
}
