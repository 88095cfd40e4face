import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { RecipientCapsInput, RecipientCapsValues } from "@/lib/validation/spend";
import { RecipientCapsForm } from "./recipient-caps-form";
import type { SettingsAction } from "./settings-outcome";

type Props = {
  currency: string;
  timeZone: string;
  initial: RecipientCapsInput;
  save: SettingsAction<RecipientCapsValues>;
};

/** Gift-policy compliance (issue 17 item 4): how much one person, or one company, may receive a year. */
export function RecipientCapsCard({ currency, timeZone, initial, save }: Props) {
  return (
    <Card aria-labelledby="recipient-caps-title">
      <CardHeader>
        <CardTitle id="recipient-caps-title">Per-recipient yearly caps</CardTitle>
        <CardDescription>
          The most anyone in the organisation may give one recipient email, or everyone at one email domain,
          in a calendar year ({timeZone}). Gifts sent, in flight and waiting within budget all count. Reps see
          what is left while they type the recipient.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <RecipientCapsForm currency={currency} initial={initial} action={save} />
      </CardContent>
    </Card>
  );
}
