"use client";

import type * as React from "react";
import { cn } from "./cn";
import { controlClasses } from "./styles";
import { useHydrated } from "./use-hydrated";

export type InputProps = React.ComponentProps<"input">;

/** Read-only until hydrated: text typed earlier would be reset when the form takes over its field. */
export function Input({ className, type = "text", readOnly, ...props }: InputProps) {
  const hydrated = useHydrated();
  return (
    <input
      type={type}
      className={cn(controlClasses, "h-10", className)}
      readOnly={readOnly || !hydrated}
      {...props}
    />
  );
}
