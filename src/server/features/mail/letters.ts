import type { Letter } from "./outbox.store.ts";

/** Text for an HTML part: the same words as the plain one, nothing a browser would run. */
function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

export interface Paragraph {
  text: string;
  link?: string;
}

/** One letter, its plain and HTML parts made from the same paragraphs so they never disagree. */
export function compose(
  to: string,
  kind: string,
  subject: string,
  paragraphs: Paragraph[],
): Letter {
  const text = paragraphs.map((p) => (p.link ? `${p.text}\n${p.link}` : p.text)).join("\n\n");
  const html = [
    '<!doctype html><html><head><meta name="viewport" content="width=device-width"></head>',
    '<body style="font-family:sans-serif;line-height:1.5;max-width:36em">',
    ...paragraphs.map((p) =>
      p.link
        ? `<p>${escapeHtml(p.text)}<br><a href="${escapeHtml(p.link)}" style="word-break:break-all">${escapeHtml(p.link)}</a></p>`
        : `<p>${escapeHtml(p.text)}</p>`,
    ),
    "</body></html>",
  ].join("\n");
  return { to, kind, subject, text: `${text}\n`, html };
}

/**
 * The answer to "forgot your password": a one-time link to the reset page. Its subject names
 * neither the app nor what happened, for an inbox someone else may glance at; the body says
 * plainly what the link restores and what it cannot.
 */
export function resetLetter(to: string, instanceName: string, link: string, recoverUrl: string) {
  return compose(to, "password-reset", "Your sign-in link", [
    {
      text: `Someone asked for a new password for this address at ${instanceName}. If it was you, this link lets you choose one. It works once, for 24 hours:`,
      link,
    },
    {
      text: "The link restores signing in only. What you kept private stays sealed with your earlier keys and cannot be opened after a reset. If you still have your recovery code, use it instead: it restores signing in and keeps your private words.",
      link: recoverUrl,
    },
    {
      text: "What the two of you share comes back once you are signed in: your partner's browser can let you into the shared space again, after checking that it is really you.",
    },
    {
      text: "If you did not ask for this, you need do nothing: your password stays as it is, and the link stops working in a day.",
    },
  ]);
}

/**
 * The first step of signing up with e-mail on: a one-time link to the sign-up page. Like the
 * reset letter, its subject names neither the app nor what was asked.
 */
export function signupLetter(to: string, instanceName: string, link: string) {
  return compose(to, "signup-link", "Your sign-up link", [
    {
      text: `Someone asked to create an account for this address at ${instanceName}. If it was you, this link opens the sign-up page. It works once, for 24 hours:`,
      link,
    },
    {
      text: "If you did not ask for this, you need do nothing: no account is made without the link, and it stops working in a day.",
    },
  ]);
}

/**
 * Asked to sign up with an address that has an account already: said to its mailbox only, so the
 * page that asked learns nothing.
 */
export function alreadySignedUpLetter(
  to: string,
  instanceName: string,
  signinUrl: string,
  forgotUrl: string,
) {
  return compose(to, "signup-existing", "Your sign-up link", [
    {
      text: `Someone asked to create an account for this address at ${instanceName}. You already have an account here, so there is nothing to create. Sign in:`,
      link: signinUrl,
    },
    { text: "Or, if you forgot your password, reset it:", link: forgotUrl },
    {
      text: "If you did not ask for this, you need do nothing: your account stays as it is.",
    },
  ]);
}
