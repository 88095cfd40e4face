"use server";

import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/auth";

/** Only same-site paths are accepted as the place to return to after sign-in. */
function safeReturnPath(value: FormDataEntryValue | null): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : "/send";
}

export async function signInWithSso(formData: FormData) {
  try {
    await signIn("oidc", { redirectTo: safeReturnPath(formData.get("callbackUrl")) });
  } catch (error) {
    // signIn redirects by throwing; only Auth.js failures (e.g. the IdP is unreachable) are ours to show.
    if (error instanceof AuthError) redirect("/signin?error=Configuration");
    throw error;
  }
}
