import type * as React from "react";
import { cn } from "./cn";
import { controlClasses } from "./styles";

export type SelectProps = React.ComponentProps<"select">;

/** Native `<select>` styled like the other controls, with a chevron (`.ui-select` in app/globals.css). */
export function Select({ className, children, ...props }: SelectProps) {
  return (
    <select
      className={cn(controlClasses, !props.multiple && "ui-select h-10 appearance-none pe-9", className)}
      {...props}
    >
      {children}
    </select>
  );
}
