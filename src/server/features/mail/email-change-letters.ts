import { compose } from "./letters.ts";

/** The link that makes a new address the account's, sent to that address. */
export function confirmAddressLetter(to: string, instanceName: string, link: string) {
  return compose(to, "email-change-link", "Confirm your new address", [
    {
      text: `Someone asked to sign in to ${instanceName} with this address from now on. If it was you, this link makes the change. It works once, for 24 hours:`,
      link,
    },
    {
      text: "If you did not ask for this, you need do nothing: without the link, nothing changes.",
    },
  ]);
}

/** Asked for an address that already has an account: said to that mailbox only. */
export function addressInUseLetter(to: string, instanceName: string, signinUrl: string) {
  return compose(to, "email-change-in-use", "Confirm your new address", [
    {
      text: `Someone asked to move an account at ${instanceName} to this address. This address already has an account here, so nothing was changed. Sign in:`,
      link: signinUrl,
    },
    {
      text: "If you did not ask for this, you need do nothing.",
    },
  ]);
}

/**
 * Told to the address an account had, once it has moved: the one way its owner hears. The way
 * back needs no one else: the recovery code with the new address sets a new password and ends
 * every session, the other person's too.
 */
export function addressChangedLetter(
  to: string,
  instanceName: string,
  newAddress: string,
  recoverUrl: string,
) {
  return compose(to, "email-changed", "Your sign-in address was changed", [
    {
      text: `The account that signed in to ${instanceName} with this address now signs in with ${newAddress}. Nothing else about it changed.`,
    },
    {
      text: "If you did not make this change, someone else can sign in to your account. Take it back with your recovery code and the address above: that sets a new password and signs everyone else out. Then change the address back on your account page.",
      link: recoverUrl,
    },
    {
      text: `Without the recovery code, ask whoever runs this instance of ${instanceName} for a reset link.`,
    },
  ]);
}
