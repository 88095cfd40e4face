"use client";

import { useEffect, useRef, useState } from "react";
import { Button, type ButtonSize, type ButtonVariant } from "./button";
import { Icon } from "./icons";

export type CopyButtonProps = {
  value: string;
  /** Visible button text; default "Copy". */
  label?: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
};

type CopyState = "idle" | "copied" | "failed";

const RESET_MS = 2000;

async function writeClipboard(value: string): Promise<boolean> {
  try {
    if (typeof navigator !== "undefined" && navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(value);
      return true;
    }
  } catch {
    // Permission denied or insecure context: try the legacy path below.
  }
  try {
    const textarea = document.createElement("textarea");
    textarea.value = value;
    textarea.setAttribute("readonly", "");
    textarea.style.position = "fixed";
    textarea.style.opacity = "0";
    document.body.appendChild(textarea);
    textarea.select();
    const ok = document.execCommand("copy");
    textarea.remove();
    return ok;
  } catch {
    return false;
  }
}

/** Copies `value` to the clipboard; shows "Copied" for 2 s and announces it politely. */
export function CopyButton({
  value,
  label = "Copy",
  variant = "secondary",
  size = "sm",
  className,
}: CopyButtonProps) {
  const [state, setState] = useState<CopyState>("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  async function handleClick() {
    const ok = await writeClipboard(value);
    setState(ok ? "copied" : "failed");
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState("idle"), ok ? RESET_MS : RESET_MS * 2);
  }

  const status =
    state === "copied"
      ? "Copied"
      : state === "failed"
        ? "Copy failed: select the text and copy it manually"
        : "";

  return (
    <span className="inline-flex items-center gap-2">
      <Button variant={variant} size={size} className={className} onClick={handleClick} data-state={state}>
        <Icon name={state === "copied" ? "check" : "copy"} />
        {state === "copied" ? "Copied" : label}
      </Button>
      <span
        role="status"
        aria-live="polite"
        className={state === "failed" ? "text-sm text-danger" : "sr-only"}
      >
        {status}
      </span>
    </span>
  );
}
