"use client";

import { type ErrorBoundaryProps, RouteError } from "@/components/errors/route-error";

export default function NotificationsError(props: ErrorBoundaryProps) {
  return (
    <RouteError
      {...props}
      title="Notifications could not be loaded"
      body="Gift Desk could not read your inbox just now. Nothing was marked as read."
    />
  );
}
