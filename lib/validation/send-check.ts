import { z } from "zod";

/** "Check with Sendoso now" on an unknown send: shared by the button (client) and the action (server). */
export const checkSendSchema = z.object({ sendId: z.uuid("This send could not be found") });
