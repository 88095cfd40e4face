"use client";

import type * as React from "react";
import { useEffect } from "react";
import { Toaster as SonnerToaster } from "sonner";
import { markToasterReady } from "./toast";

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

/** Sonner's toaster, loaded with the first toast (see ./toast.tsx). Bottom-right, rich colours, close button. */
export default function Toaster() {
  // Runs after Sonner's own effect (children first), so it is subscribed before the first toast.
  useEffect(() => markToasterReady(), []);
  return (
    <SonnerToaster position="bottom-right" theme="light" richColors closeButton style={accessibleColors} />
  );
}
