import type { Metadata } from "next";
import { SavedMessagesCard } from "@/components/messages/saved-messages-card";
import { CONNECT_OUTCOMES } from "@/components/settings/connect-outcomes";
import { EmailPreferencesCard } from "@/components/settings/email-preferences-card";
import { SendosoConnectionCard } from "@/components/settings/sendoso-connection-card";
import { Alert } from "@/components/ui/alert";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getConfig } from "@/lib/env";
import { teamsForMessages, templatesToManage } from "@/lib/messages/templates";
import { emailPreferenceRowsFor } from "@/lib/notifications/preference-rows";
import { getSendosoConnections } from "@/lib/sendoso";
import { connectSendoso, disconnectSendosoAction } from "./actions";
import { deleteMessageTemplateAction, saveMessageTemplateAction } from "./message-actions";

export const metadata: Metadata = { title: "Settings" };

type Props = { searchParams: Promise<{ sendoso?: string }> };

export default async function SettingsPage({ searchParams }: Props) {
  const user = await requireUser();
  const db = await getDb();
  const [{ own, shared }, { sendoso }, emailRows, templates, messageTeams] = await Promise.all([
    getSendosoConnections(user.id),
    searchParams,
    emailPreferenceRowsFor(db, user),
    templatesToManage(db, user),
    teamsForMessages(db, user),
  ]);
  const outcome = sendoso ? CONNECT_OUTCOMES[sendoso] : undefined;
  const admin = can(user.role, "manage_shared_sendoso");
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Settings</h1>
        <p className="text-ink-muted">
          Your Sendoso connection decides whose budget and notifications a gift uses.
        </p>
      </div>
      {outcome ? (
        <Alert
          tone={outcome.tone}
          title={outcome.text}
          role={outcome.tone === "danger" ? "alert" : "status"}
        />
      ) : null}
      <SendosoConnectionCard
        testId="own-connection"
        title="Your Sendoso account"
        description="Gifts go out as you: your Sendoso budget pays and you get Sendoso's notifications."
        connection={own}
        connect={connectSendoso.bind(null, { purpose: "own" })}
        disconnect={own ? disconnectSendosoAction.bind(null, { connectionId: own.id }) : null}
      />
      {admin || shared ? (
        <SendosoConnectionCard
          testId="shared-connection"
          title="Shared org account"
          description="Reps without their own connection send through this account; History marks those sends."
          connection={shared}
          connect={admin ? connectSendoso.bind(null, { purpose: "shared" }) : null}
          disconnect={
            admin && shared ? disconnectSendosoAction.bind(null, { connectionId: shared.id }) : null
          }
        />
      ) : null}
      <SavedMessagesCard
        templates={templates}
        teams={messageTeams}
        save={saveMessageTemplateAction}
        remove={deleteMessageTemplateAction}
      />
      <EmailPreferencesCard rows={emailRows} emailConfigured={getConfig().email.smtpUrl !== undefined} />
    </div>
  );
}
