import { upsertUserFromIdentity } from "@/lib/auth/users";
import type { Db } from "@/lib/db/client";
import type { User } from "@/lib/db/schema";

/** Three people for the notification tests: two reps and a manager. */
export async function seedPeople(db: Db): Promise<{ rep: User; rep2: User; manager: User }> {
  const user = (subject: string, name: string, role: User["role"]) =>
    upsertUserFromIdentity(db, {
      issuer: "i",
      subject,
      email: `${subject}@giftdesk.test`,
      name,
      role,
      team: "a",
    });
  return {
    rep: await user("rep", "Riley Rep", "rep"),
    rep2: await user("rep2", "Sam Seller", "rep"),
    manager: await user("manager", "Morgan Manager", "manager"),
  };
}

export const APP = { appUrl: "http://gift-desk.test" };
