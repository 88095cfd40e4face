import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type Role, type RoleSource, type User, users } from "@/lib/db/schema";

export type IdentityClaims = {
  issuer: string;
  subject: string;
  email: string;
  name: string;
  role: Role;
  team: string | null;
  /** Default `idp`: the role and team came from the IdP's groups. */
  roleSource?: RoleSource;
};

/** Creates or refreshes the user for an IdP identity (issuer + subject), never matching on email. */
export async function upsertUserFromIdentity(db: Db, claims: IdentityClaims): Promise<User> {
  const now = new Date();
  const [row] = await db
    .insert(users)
    .values({ ...claims, roleSource: claims.roleSource ?? "idp", lastSignInAt: now })
    .onConflictDoUpdate({
      target: [users.issuer, users.subject],
      set: {
        email: claims.email,
        name: claims.name,
        role: claims.role,
        team: claims.team,
        roleSource: claims.roleSource ?? "idp",
        lastSignInAt: now,
      },
    })
    .returning();
  if (!row) throw new Error("User upsert returned no row");
  return row;
}

export async function findUserById(db: Db, id: string): Promise<User | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}
