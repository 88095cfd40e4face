"use client";

import { usePathname } from "next/navigation";
import { type ErrorBoundaryProps, RouteError } from "./route-error";

/** What each area says when its page fails; the first matching prefix wins. */
const AREAS: { prefix: string; title: string; body: string }[] = [
  {
    prefix: "/send",
    title: "The send form could not be loaded",
    body: "Sendoso or Gift Desk did not answer in time. No gift was sent.",
  },
  {
    prefix: "/history",
    title: "History could not be loaded",
    body: "Gift Desk could not read its records just now. Nothing about your sends has changed.",
  },
  {
    prefix: "/dashboard",
    title: "The dashboard could not be loaded",
    body: "Gift Desk could not add up the figures just now. Nothing has changed.",
  },
  {
    prefix: "/approvals",
    title: "Approvals could not be loaded",
    body: "Gift Desk could not read the approval queue just now. No gift was approved or sent.",
  },
  {
    prefix: "/admin/spend",
    title: "Spend controls could not be loaded",
    body: "Gift Desk could not read the budgets and rules just now. Nothing was changed.",
  },
  {
    prefix: "/admin/touches",
    title: "Touch cards could not be loaded",
    body: "Gift Desk could not read the touches just now. No card was changed.",
  },
  {
    prefix: "/admin/audit",
    title: "The audit log could not be loaded",
    body: "Gift Desk could not read the audit log just now. Nothing was changed.",
  },
  {
    prefix: "/settings",
    title: "Settings could not be loaded",
    body: "Gift Desk could not read your settings just now. Your Sendoso connection is unchanged.",
  },
  {
    prefix: "/notifications",
    title: "Notifications could not be loaded",
    body: "Gift Desk could not read your inbox just now. Nothing was marked as read.",
  },
];
const FALLBACK = {
  title: "This page could not be loaded",
  body: "Gift Desk ran into a problem showing this page. Nothing was sent or changed.",
};

/**
 * The one component every segment's error.tsx re-exports: one small chunk for all of them (each
 * error boundary's code is loaded with every page that sits under it), worded for the failed area.
 */
export default function SegmentError(props: ErrorBoundaryProps) {
  const pathname = usePathname();
  const area = AREAS.find((a) => pathname === a.prefix || pathname.startsWith(`${a.prefix}/`)) ?? FALLBACK;
  return <RouteError {...props} title={area.title} body={area.body} />;
}
