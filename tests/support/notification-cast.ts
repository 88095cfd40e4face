import type { Db } from "@/lib/db/client";
import type { User } from "@/lib/db/schema";
import { makeUser } from "./users";

/** Three people for the notification tests: two reps and a manager. */
export async function seedPeople(db: Db): Promise<{ rep: User; rep2: User; manager: User }> {
  return {
    rep: await makeUser(db, "rep", "rep", "a", "Riley Rep"),
    rep2: await makeUser(db, "rep2", "rep", "a", "Sam Seller"),
    manager: await makeUser(db, "manager", "manager", "a", "Morgan Manager"),
  };
}

export const APP = { appUrl: "http://gift-desk.test" };
