import { LocalTime } from "@/components/app/local-time";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ActionResult } from "@/lib/auth/action-result";
import type { ConnectionInfo } from "@/lib/sendoso";
import { ActionButton } from "./connection-buttons";

type Action = () => Promise<ActionResult<{ error: string } | undefined>>;

type Props = {
  title: string;
  description: string;
  connection: ConnectionInfo | null;
  /** null when this user may not (re)connect it. */
  connect: Action | null;
  disconnect: Action | null;
  testId: string;
};

export function SendosoConnectionCard({
  title,
  description,
  connection,
  connect,
  disconnect,
  testId,
}: Props) {
  const broken = connection?.status === "needs_reconnect";
  return (
    <Card data-testid={testId}>
      <CardHeader>
        <div className="flex flex-wrap items-center gap-2">
          <CardTitle>{title}</CardTitle>
          {connection ? (
            <Badge tone={broken ? "warning" : "success"}>{broken ? "Needs reconnecting" : "Connected"}</Badge>
          ) : (
            <Badge tone="neutral">Not connected</Badge>
          )}
        </div>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {connection ? (
          <p className="text-sm">
            Sending as <strong>{connection.sendosoName}</strong> ({connection.sendosoEmail}), connected{" "}
            <LocalTime iso={connection.createdAt.toISOString()} />.
            {broken ? " Sendoso no longer accepts this connection; reconnect to keep sending." : ""}
          </p>
        ) : null}
        <div className="flex flex-wrap gap-3">
          {connect && (!connection || broken) ? (
            <ActionButton
              action={connect}
              label={broken ? "Reconnect Sendoso" : "Connect Sendoso"}
              pendingLabel="Opening Sendoso…"
            />
          ) : null}
          {connection && disconnect ? (
            <ActionButton
              action={disconnect}
              label="Disconnect"
              pendingLabel="Disconnecting…"
              variant="secondary"
            />
          ) : null}
        </div>
      </CardContent>
    </Card>
  );
}
