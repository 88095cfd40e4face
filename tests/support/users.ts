import { upsertUserFromIdentity } from "@/lib/auth/users";
import type { Db } from "@/lib/db/client";
import type { User } from "@/lib/db/schema";

/** A user signed in through the test IdP as `key` (email `key@giftdesk.test`), named `name` or `key`. */
export function makeUser(
  db: Db,
  key: string,
  role: User["role"],
  team: string | null,
  name: string = key,
): Promise<User> {
  return upsertUserFromIdentity(db, {
    issuer: "http://idp.test",
    subject: key,
    email: `${key}@giftdesk.test`,
    name,
    role,
    team,
  });
}
