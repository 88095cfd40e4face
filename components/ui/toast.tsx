"use client";

import type * as React from "react";
import { Toaster as SonnerToaster, type ToasterProps } from "sonner";

export { toast } from "sonner";

/**
 * Sonner's default rich colours fall below 4.5:1 on their tinted backgrounds, so the
 * light-theme variables are overridden with the theme's AA-passing semantic colours.
 */
const accessibleColors = {
  "--normal-bg": "#ffffff",
  "--normal-border": "#e2e8f0",
  "--normal-text": "#0f172a",
  "--success-bg": "#f0fdf4",
  "--success-border": "#bbf7d0",
  "--success-text": "#166534",
  "--info-bg": "#f0f9ff",
  "--info-border": "#bae6fd",
  "--info-text": "#075985",
  "--warning-bg": "#fffbeb",
  "--warning-border": "#fde68a",
  "--warning-text": "#92400e",
  "--error-bg": "#fef2f2",
  "--error-border": "#fecaca",
  "--error-text": "#991b1b",
} as React.CSSProperties;

/** Mount once (e.g. in the root layout). Bottom-right, rich colours, close button. */
export function Toaster({ style, ...props }: ToasterProps) {
  return (
    <SonnerToaster
      position="bottom-right"
      theme="light"
      richColors
      closeButton
      style={{ ...accessibleColors, ...style }}
      {...props}
    />
  );
}
