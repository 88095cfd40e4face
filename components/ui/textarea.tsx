import type * as React from "react";
import { cn } from "./cn";
import { controlClasses } from "./styles";

export type TextareaProps = React.ComponentProps<"textarea">;

export function Textarea({ className, rows = 4, ...props }: TextareaProps) {
  return <textarea rows={rows} className={cn(controlClasses, "min-h-20 resize-y", className)} {...props} />;
}
