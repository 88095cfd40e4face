import type * as React from "react";
import { cn } from "./cn";

/** Small decorative (aria-hidden) 20×20 icons used inside the ui primitives. */
export type IconName = "info" | "success" | "warning" | "danger" | "check" | "close" | "copy" | "bell";

const paths: Record<IconName, React.ReactNode> = {
  info: (
    <>
      <circle cx="10" cy="10" r="7.25" />
      <path d="M10 9v4.5M10 6.5v.01" />
    </>
  ),
  success: (
    <>
      <circle cx="10" cy="10" r="7.25" />
      <path d="m7 10.25 2 2 4-4.5" />
    </>
  ),
  warning: (
    <>
      <path d="M8.7 3.5a1.5 1.5 0 0 1 2.6 0l6 10.5a1.5 1.5 0 0 1-1.3 2.25H4a1.5 1.5 0 0 1-1.3-2.25z" />
      <path d="M10 8v3.5M10 13.75v.01" />
    </>
  ),
  danger: (
    <>
      <circle cx="10" cy="10" r="7.25" />
      <path d="M10 6.25v4.5M10 13.5v.01" />
    </>
  ),
  bell: (
    <>
      <path d="M5 8.5a5 5 0 0 1 10 0c0 4 1.5 5.5 1.5 5.5h-13S5 12.5 5 8.5" />
      <path d="M8.25 16.5a1.9 1.9 0 0 0 3.5 0" />
    </>
  ),
  check: <path d="m4.5 10.5 3.5 3.5 7.5-8" />,
  close: <path d="m5.5 5.5 9 9m0-9-9 9" />,
  copy: (
    <>
      <rect x="7" y="7" width="9.5" height="9.5" rx="1.5" />
      <path d="M13 7V5a1.5 1.5 0 0 0-1.5-1.5h-6A1.5 1.5 0 0 0 4 5v6.5A1.5 1.5 0 0 0 5.5 13H7" />
    </>
  ),
};

export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.75"
      strokeLinecap="round"
      strokeLinejoin="round"
      className={cn("size-4 shrink-0", className)}
    >
      {paths[name]}
    </svg>
  );
}
