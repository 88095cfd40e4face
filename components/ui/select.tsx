"use client";

import type * as React from "react";
import { cn } from "./cn";
import { controlClasses } from "./styles";
import { useHydrated } from "./use-hydrated";

export type SelectProps = React.ComponentProps<"select">;

/**
 * Native `<select>` styled like the other controls, with a chevron (`.ui-select` in app/globals.css).
 * Disabled until hydrated: a choice made earlier would be reset when React takes the field over.
 */
export function Select({ className, children, disabled, ...props }: SelectProps) {
  const hydrated = useHydrated();
  return (
    <select
      disabled={disabled || !hydrated}
      className={cn(controlClasses, !props.multiple && "ui-select h-10 appearance-none pe-9", className)}
      {...props}
    >
      {children}
    </select>
  );
}
