import NextAuth from "next-auth";
import { currentRequestId } from "@/lib/audit/request-id";
import { getDb } from "@/lib/db";
import { getConfig } from "@/lib/env";
import { buildAuthConfig } from "./auth-config";

export type { SignInRefusal } from "./sign-in";

export const { handlers, auth, signIn, signOut } = NextAuth(() =>
  buildAuthConfig(getConfig(), { db: getDb, requestId: currentRequestId }),
);
