import { z } from "zod";
import { KDF_FLOOR } from "../domain/kdf.ts";
import { LIMITS } from "../domain/limits.ts";
import { passwordProblem } from "../domain/passwords.ts";
import { Id, IdParams, PersonName, PhaseSchema, Timestamp } from "./common.ts";
import { route } from "./route.ts";

export const Email = z
  .string({ error: "Enter your e-mail address." })
  .trim()
  .toLowerCase()
  .max(LIMITS.emailMax, { error: "This e-mail address is too long." })
  .pipe(z.email({ error: "Enter a valid e-mail address, like name@example.org." }));

/**
 * The password never leaves the browser: length here, the common-password rule in
 * `domain/passwords.ts`, both checked before any key is derived.
 */
export const NewPassword = z
  .string({ error: "Choose a password." })
  .min(LIMITS.passwordMin, { error: `Use at least ${LIMITS.passwordMin} characters.` })
  .max(LIMITS.passwordMax, { error: `Use at most ${LIMITS.passwordMax} characters.` })
  .superRefine((password, context) => {
    const problem = passwordProblem(password);
    if (problem) context.addIssue({ code: "custom", message: problem });
  });
export const GivenPassword = z
  .string({ error: "Enter your password." })
  .min(1, { error: "Enter your password." })
  .max(LIMITS.passwordMax);

/** 32 bytes in base64url: a key sent to the server (authKey, recovery auth key, unlock key). */
const Key32 = z
  .string({ error: "Send the key the browser derived." })
  .regex(/^[A-Za-z0-9_-]{43}$/, { error: "A key is 32 bytes in base64url (43 characters)." });
/** A key sealed for its owner: `m1.<kid>.<iv>.<ciphertext>` with the one kid allowed here. */
const KeyBox = (kid: "m" | "r") =>
  z
    .string({ error: "Send the sealed key." })
    .regex(new RegExp(`^m1\\.${kid}\\.[A-Za-z0-9_-]{16}\\.[A-Za-z0-9_-]{43,200}$`), {
      error: `A key sealed with kid "${kid}" (a protocol v1 envelope).`,
    });

export const Kdf = z.strictObject({
  algorithm: z.literal("argon2id", { error: "Only argon2id is known." }),
  version: z.literal(19, { error: "Only Argon2 version 19 is known." }),
  memoryKiB: z
    .number()
    .int()
    .min(KDF_FLOOR.memoryKiB, { error: `Use at least ${KDF_FLOOR.memoryKiB} KiB.` })
    .max(1_048_576),
  iterations: z
    .number()
    .int()
    .min(KDF_FLOOR.iterations, { error: `Use at least ${KDF_FLOOR.iterations} iterations.` })
    .max(64),
  parallelism: z.number().int().min(1).max(16),
  salt: z.string().regex(/^[A-Za-z0-9_-]{22}$/, { error: "The salt is 16 bytes in base64url." }),
});
export type Kdf = z.infer<typeof Kdf>;

export const PublicKey = Key32.describe("an X25519 public key, raw, base64url");

const SealedKeys = z.strictObject({ identity: KeyBox("m"), personal: KeyBox("m") });
const RecoveryKeys = z.strictObject({
  identity: KeyBox("r"),
  personal: KeyBox("r"),
  authKey: Key32,
});

export const User = z.object({ id: Id, email: z.string(), name: z.string() });
export type User = z.infer<typeof User>;

export const PreloginBody = z.strictObject({ email: Email });
export const PreloginReply = z.object({ kdf: Kdf });

/** A one-time token from a link, in base64url: 32 random bytes. */
const LinkToken = z
  .string({ error: "The link is incomplete." })
  .regex(/^[A-Za-z0-9_-]{43}$/, { error: "The link is incomplete." });

export const SignupBody = z.strictObject({
  email: Email,
  /** With e-mail on, the token from the sign-up link mailed to this address; required then. */
  token: LinkToken.optional(),
  name: PersonName,
  authKey: Key32,
  kdf: Kdf,
  keys: SealedKeys.extend({ publicKey: PublicKey, recovery: RecoveryKeys }),
});
/** What a person types to sign up; the browser turns the password into keys. */
export const SignupForm = z.strictObject({ email: Email, name: PersonName, password: NewPassword });
export const SignupReply = z.object({ user: User, unlockKey: Key32 });

export const LoginBody = z.strictObject({ email: Email, authKey: Key32 });
export const LoginForm = z.strictObject({ email: Email, password: GivenPassword });
export const AccountKeys = z.object({
  publicKey: PublicKey,
  identity: z.string(),
  personal: z.string(),
});
export const LoginReply = z.object({ user: User, keys: AccountKeys, unlockKey: Key32 });
export const KeysReply = AccountKeys.extend({ unlockKey: Key32 });

export const MeReply = z.object({
  user: User.extend({ role: z.enum(["partner", "therapist"]) }),
  needsSecondFactor: z
    .boolean()
    .describe("a therapist's session that has not yet passed its second factor"),
  couple: z.object({ id: Id, phase: PhaseSchema }).nullable(),
});
export type MeReply = z.infer<typeof MeReply>;

export const ChangePasswordBody = z.strictObject({
  currentAuthKey: Key32,
  authKey: Key32,
  kdf: Kdf,
  keys: SealedKeys,
});
export const ChangePasswordForm = z.strictObject({
  currentPassword: GivenPassword,
  newPassword: NewPassword,
});

export const RecoveryKeysBody = z.strictObject({ email: Email, recoveryAuthKey: Key32 });
export const RecoveryKeysReply = z.object({ identity: z.string(), personal: z.string() });
export const RecoverBody = z.strictObject({
  email: Email,
  recoveryAuthKey: Key32,
  authKey: Key32,
  kdf: Kdf,
  keys: SealedKeys.extend({ recovery: RecoveryKeys }),
});
export const RecoverForm = z.strictObject({
  email: Email,
  code: z
    .string({ error: "Enter your recovery code." })
    .min(1, { error: "Enter your recovery code." })
    .max(80),
  newPassword: NewPassword,
});

/** New keys from scratch, after an operator's reset link: the earlier private words stay sealed. */
export const ResetBody = z.strictObject({
  token: z.string({ error: "The reset link is incomplete." }).min(20).max(200),
  authKey: Key32,
  kdf: Kdf,
  keys: SealedKeys.extend({ publicKey: PublicKey, recovery: RecoveryKeys }),
});
export const ResetForm = z.strictObject({ newPassword: NewPassword });

export const DeleteAccountBody = z.strictObject({ authKey: Key32 });
export const DeleteAccountForm = z.strictObject({
  password: z
    .string({ error: "Enter your password to confirm." })
    .min(1, { error: "Enter your password to confirm." })
    .max(LIMITS.passwordMax),
});

/** A display name is not sealed (docs/encryption.md): the partner and a linked therapist read it. */
export const ChangeNameBody = z.strictObject({ name: PersonName });
export const ChangeNameReply = z.object({ user: User });

/** A new sign-in address, proved by the password's authKey (the password stays in the browser). */
export const ChangeEmailBody = z.strictObject({ email: Email, authKey: Key32 });
export const ChangeEmailForm = z.strictObject({
  email: Email,
  password: z
    .string({ error: "Enter your password to confirm." })
    .min(1, { error: "Enter your password to confirm." })
    .max(LIMITS.passwordMax),
});
export const ConfirmEmailBody = z.strictObject({ token: LinkToken });

export const SessionView = z.object({
  id: Id,
  createdAt: Timestamp,
  lastSeenAt: Timestamp,
  device: z.string(),
  current: z.boolean(),
});
export const SessionsReply = z.object({ sessions: z.array(SessionView) });
export type SessionView = z.infer<typeof SessionView>;

export const PublicConfig = z.object({
  quickExitUrl: z.string(),
  instanceName: z.string(),
  /** Whether this instance sends e-mail (MEND_SMTP_URL): what "forgot your password" can offer. */
  mail: z.boolean(),
});

/** Asks for a reset link by e-mail; the answer is the same whether or not the address has one. */
export const ForgotBody = z.strictObject({ email: Email });

/**
 * Asks for a sign-up link by e-mail; the answer is the same whether or not the address has an
 * account. `next` is where the app goes once signed up (an invite), a path on this site only.
 */
export const SignupVerifyBody = z.strictObject({
  email: Email,
  next: z
    .string()
    .max(200)
    .regex(/^\/(?![/\\])[A-Za-z0-9/_.~?=&%+-]*$/, { error: "A path on this site." })
    .optional(),
});
export type PublicConfig = z.infer<typeof PublicConfig>;

/** Opens a sign-up link: the address it was mailed to, while it is unspent and in its day. */
export const SignupLinkBody = z.strictObject({ token: LinkToken });
export const SignupLinkReply = z.object({
  email: z.string().describe("the address the link was mailed to"),
});

const tags = ["account"];

export const accountRoutes = {
  config: route({
    method: "GET",
    path: "/api/config",
    tags,
    summary: "What the app shows before anyone signs in: the instance name, where quick exit goes",
    replies: { 200: PublicConfig },
    errors: [],
  }),
  prelogin: route({
    method: "POST",
    path: "/api/auth/prelogin",
    tags,
    summary:
      "The key-derivation parameters for an e-mail (a stable decoy when there is no account)",
    body: PreloginBody,
    replies: { 200: PreloginReply },
    errors: ["rate_limited"],
  }),
  signup: route({
    method: "POST",
    path: "/api/auth/signup",
    tags,
    summary: "Create an account with keys made in the browser, and sign in",
    body: SignupBody,
    replies: { 201: SignupReply },
    errors: ["email_taken", "rate_limited"],
  }),
  login: route({
    method: "POST",
    path: "/api/auth/login",
    tags,
    summary: "Sign in with the authKey; a new session token and unlock key every time",
    body: LoginBody,
    replies: { 200: LoginReply },
    errors: ["wrong_credentials", "rate_limited"],
  }),
  keys: route({
    method: "GET",
    path: "/api/auth/keys",
    tags,
    summary: "The account's sealed keys and this session's unlock key, to open them after a reload",
    replies: { 200: KeysReply },
    errors: [],
  }),
  recoveryKeys: route({
    method: "POST",
    path: "/api/auth/recovery-keys",
    tags,
    summary: "The two keys sealed with the recovery key, for whoever proves the recovery code",
    body: RecoveryKeysBody,
    replies: { 200: RecoveryKeysReply },
    errors: ["wrong_credentials", "rate_limited"],
  }),
  recover: route({
    method: "POST",
    path: "/api/auth/recover",
    tags,
    summary: "A new password and recovery code, with the old code; signs in",
    body: RecoverBody,
    replies: { 200: SignupReply },
    errors: ["wrong_credentials", "rate_limited"],
  }),
  reset: route({
    method: "POST",
    path: "/api/auth/reset",
    tags,
    summary: "Sign-in restored with new keys by an operator's one-time link; signs in",
    body: ResetBody,
    replies: { 200: SignupReply },
    errors: ["rate_limited"],
  }),
  forgot: route({
    method: "POST",
    path: "/api/auth/forgot",
    tags,
    summary: "E-mail a one-time reset link, if the address has an account (the same answer if not)",
    body: ForgotBody,
    replies: { 202: null },
    errors: ["rate_limited"],
  }),
  signupVerify: route({
    method: "POST",
    path: "/api/auth/signup/verify",
    tags,
    summary:
      "E-mail a one-time sign-up link, or a reminder to an address with an account (the same answer)",
    body: SignupVerifyBody,
    replies: { 202: null },
    errors: ["rate_limited"],
  }),
  signupLink: route({
    method: "POST",
    path: "/api/auth/signup/link",
    tags,
    summary: "The address a sign-up link was mailed to, while it is unspent (in a body, not a URL)",
    body: SignupLinkBody,
    replies: { 200: SignupLinkReply },
    errors: [],
  }),
  logout: route({
    method: "POST",
    path: "/api/auth/logout",
    tags,
    summary: "End this session",
    replies: { 204: null },
    errors: [],
  }),
  me: route({
    method: "GET",
    path: "/api/me",
    tags,
    summary: "The signed-in person and their couple, if any",
    replies: { 200: MeReply },
    errors: [],
  }),
  changePassword: route({
    method: "POST",
    path: "/api/auth/password",
    tags,
    summary: "Change the password; every other session ends",
    body: ChangePasswordBody,
    replies: { 204: null },
    errors: ["wrong_password"],
  }),
  changeName: route({
    method: "PUT",
    path: "/api/account/name",
    // "couples" too: the partner's open screens read the new name again from the couple view.
    tags: [...tags, "couples"],
    summary: "Change the name the partner and a linked therapist see",
    body: ChangeNameBody,
    replies: { 200: ChangeNameReply },
    errors: [],
  }),
  changeEmail: route({
    method: "POST",
    path: "/api/account/email",
    tags,
    summary:
      "Change the sign-in address: at once without e-mail (200); with it, a link is mailed to the new address first (202, the same answer whether or not it has an account)",
    body: ChangeEmailBody,
    replies: { 200: ChangeNameReply, 202: null },
    errors: ["wrong_password", "email_taken", "rate_limited"],
  }),
  confirmEmail: route({
    method: "POST",
    path: "/api/account/email/confirm",
    tags,
    summary:
      "Make the address a change link was mailed to the account's own (the link is the proof: no sign-in needed)",
    body: ConfirmEmailBody,
    replies: { 200: z.object({ email: z.string().describe("the account's address now") }) },
    errors: ["email_taken"],
  }),
  sessions: route({
    method: "GET",
    path: "/api/account/sessions",
    tags,
    summary: "The devices signed in to this account",
    replies: { 200: SessionsReply },
    errors: [],
  }),
  endSession: route({
    method: "DELETE",
    path: "/api/account/sessions/:id",
    tags,
    summary: "Sign one device out",
    params: IdParams,
    replies: { 204: null },
    errors: [],
  }),
  deleteAccount: route({
    method: "DELETE",
    path: "/api/account",
    tags,
    summary: "Delete the account and clear this person's words from what the couple keeps",
    body: DeleteAccountBody,
    replies: { 204: null },
    errors: ["wrong_password"],
  }),
};
