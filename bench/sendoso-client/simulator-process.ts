// The Sendoso simulator in its own process (as the real Sendoso is elsewhere), without its throttle:
// the bench paces itself under 10/s and measures overhead, not waiting. Prints its URL.
import { createSendosoSimulator } from "@/sandbox/sendoso/simulator";

const sim = createSendosoSimulator({ rateLimit: false });
sim.listen(0).then((url) => console.log(url));
process.on("SIGTERM", () => void sim.close().then(() => process.exit(0)));
