import {
  SendosoConnectionGoneError,
  SendosoNeedsReconnectError,
  SendosoNotConnectedError,
} from "@/lib/sendoso/errors";

/**
 * The message a browser may read for a failed Sendoso connection lookup (issue 16 item 7): only the
 * typed errors, whose texts are written for users. Anything else (a database or decryption failure)
 * is rethrown, so the action's generic failure message is all the browser sees and the details stay in
 * the server log.
 */
export function connectionProblemMessage(error: unknown): string {
  if (
    error instanceof SendosoNotConnectedError ||
    error instanceof SendosoNeedsReconnectError ||
    error instanceof SendosoConnectionGoneError
  ) {
    return error.message;
  }
  throw error;
}
