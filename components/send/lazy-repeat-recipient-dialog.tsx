"use client";

import dynamic from "next/dynamic";

/** The repeat-recipient dialog (Radix Dialog) loads after the page is interactive: it opens only on a repeat. */
export const RepeatRecipientDialog = dynamic(
  () => import("./repeat-recipient-dialog").then((m) => m.RepeatRecipientDialog),
  { ssr: false },
);
