"use client";

import Link from "next/link";
import { useEffect, useRef, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";

/** What error.tsx / global-error.tsx receive from Next (16.2+: `retry` re-fetches the segment). */
export type ErrorBoundaryProps = { error: unknown; retry: () => void };

type Props = ErrorBoundaryProps & {
  /** What could not be shown, e.g. "Your history could not be loaded". */
  title: string;
  /** Why, in the user's words, and what is safe (e.g. "No gift was sent"). */
  body: string;
};

/**
 * The body of every error.tsx: says what failed, offers a retry (which re-renders the segment on the
 * server), and shows the error digest, the reference IT finds in the server log. Production errors
 * from the server carry no message to the browser, so nothing internal is shown.
 */
export function RouteError({ error, retry, title, body }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [pending, start] = useTransition();
  const digest =
    typeof error === "object" && error !== null && "digest" in error && typeof error.digest === "string"
      ? error.digest
      : null;
  useEffect(() => {
    console.error(error);
    // Screen-reader and keyboard users land on what happened, not on the top of the page.
    heading.current?.focus();
  }, [error]);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6" data-testid="route-error">
      <title>{`${title} · Gift Desk`}</title>
      <h1 ref={heading} tabIndex={-1} className="text-2xl font-semibold outline-none">
        {title}
      </h1>
      <Alert tone="danger" role="alert" title="Something went wrong on our side">
        <p>{body}</p>
        {digest ? (
          <p className="mt-2">
            If it keeps happening, give IT this reference:{" "}
            <code className="rounded bg-white px-1 font-mono" data-testid="error-digest">
              {digest}
            </code>
          </p>
        ) : null}
      </Alert>
      <div className="flex flex-wrap gap-3">
        <Button pending={pending} pendingLabel="Trying again…" onClick={() => start(() => retry())}>
          Try again
        </Button>
        <Link href="/send" className={buttonClasses({ variant: "secondary" })}>
          Go to Send
        </Link>
      </div>
    </div>
  );
}
