/** What each `?sendoso=<outcome>` of the OAuth callback means, for the settings page and the toast. */
export const CONNECT_OUTCOMES: Record<string, { tone: "success" | "warning" | "danger"; text: string }> = {
  connected: {
    tone: "success",
    text: "Sendoso is connected. Gifts you send now come from your Sendoso account.",
  },
  disconnected: { tone: "success", text: "Sendoso is disconnected and its tokens are deleted." },
  denied: { tone: "warning", text: "You cancelled the Sendoso connection. Nothing changed." },
  invalid: { tone: "danger", text: "That Sendoso sign-in link had expired or was not yours. Start again." },
  failed: { tone: "danger", text: "Sendoso did not complete the connection. Try again in a minute." },
  forbidden: { tone: "danger", text: "You cannot connect Sendoso with this account." },
};
