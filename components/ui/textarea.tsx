"use client";

import type * as React from "react";
import { cn } from "./cn";
import { controlClasses } from "./styles";
import { useHydrated } from "./use-hydrated";

export type TextareaProps = React.ComponentProps<"textarea">;

/** Read-only until hydrated, like Input: text typed earlier would be reset by the form. */
export function Textarea({ className, rows = 4, readOnly, ...props }: TextareaProps) {
  const hydrated = useHydrated();
  return (
    <textarea
      rows={rows}
      className={cn(controlClasses, "min-h-20 resize-y", className)}
      readOnly={readOnly || !hydrated}
      {...props}
    />
  );
}
