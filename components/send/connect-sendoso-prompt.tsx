import {
  type ConnectSendosoAction,
  ConnectSendosoButton,
} from "@/components/settings/connect-sendoso-button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** Shown instead of the send form until the rep has a working Sendoso connection. */
export function ConnectSendosoPrompt({
  reconnect,
  connect,
}: {
  reconnect: boolean;
  /** Starts Sendoso's consent screen and comes back to this form (with its CRM prefill). */
  connect: ConnectSendosoAction;
}) {
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <h1 className="text-2xl font-semibold">Send a gift</h1>
      <Card data-testid="connect-sendoso-prompt">
        <CardHeader>
          <CardTitle>{reconnect ? "Reconnect Sendoso" : "Connect Sendoso first"}</CardTitle>
          <CardDescription>
            {reconnect
              ? "Sendoso stopped accepting your connection. Reconnect it to send again; nothing was sent."
              : "Gifts go out from your own Sendoso account, so its budget and notifications are yours. Connect it once."}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ConnectSendosoButton
            connect={connect}
            label={reconnect ? "Reconnect Sendoso" : "Connect Sendoso"}
          />
        </CardContent>
      </Card>
    </div>
  );
}
