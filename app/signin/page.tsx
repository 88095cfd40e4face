import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SubmitButton } from "@/components/app/submit-button";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { currentUser } from "@/lib/auth/session";
import { getConfig } from "@/lib/env";
import { signInWithSso } from "./actions";
import { signInErrorMessage } from "./sign-in-errors";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ error?: string; callbackUrl?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { error, callbackUrl } = await searchParams;
  if (!error && (await currentUser())) redirect("/send");
  const { auth } = getConfig();
  const problem = signInErrorMessage(error, auth.issuer);
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 px-4 py-12">
      <Card>
        <CardHeader>
          <div className="flex items-center justify-between gap-2">
            <CardTitle as="h1">Sign in to Gift Desk</CardTitle>
            {auth.sandbox ? <Badge tone="warning">Sandbox</Badge> : null}
          </div>
          <CardDescription>Send gifts through Sendoso and follow what your team sent.</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          {problem ? (
            <Alert tone="danger" role="alert" title={problem.title}>
              {problem.body}
            </Alert>
          ) : null}
          <form action={signInWithSso}>
            <input type="hidden" name="callbackUrl" value={callbackUrl ?? "/send"} />
            <SubmitButton className="w-full" pendingLabel="Redirecting…">
              Sign in with {auth.providerName}
            </SubmitButton>
          </form>
          {auth.sandbox ? (
            <p className="text-sm text-ink-muted">
              Sandbox sign-in: use <strong>rep@giftdesk.test</strong>, <strong>manager@giftdesk.test</strong>{" "}
              or <strong>admin@giftdesk.test</strong> with the password <strong>giftdesk</strong>.
            </p>
          ) : null}
        </CardContent>
      </Card>
    </main>
  );
}
