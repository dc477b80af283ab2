import { z } from "zod";
import { LIMITS } from "../domain/limits.ts";
import { Id, IdParams, PersonName, PhaseSchema, Timestamp } from "./common.ts";
import { route } from "./route.ts";

export const Email = z
  .string({ error: "Enter your e-mail address." })
  .trim()
  .toLowerCase()
  .max(LIMITS.emailMax, { error: "This e-mail address is too long." })
  .pipe(z.email({ error: "Enter a valid e-mail address, like name@example.org." }));

/** Length only here; the common-password rule is checked by the service so it can name it. */
export const NewPassword = z
  .string({ error: "Choose a password." })
  .min(LIMITS.passwordMin, { error: `Use at least ${LIMITS.passwordMin} characters.` })
  .max(LIMITS.passwordMax, { error: `Use at most ${LIMITS.passwordMax} characters.` });

export const User = z.object({ id: Id, email: z.string(), name: z.string() });
export type User = z.infer<typeof User>;

export const SignupBody = z.strictObject({ email: Email, password: NewPassword, name: PersonName });
export const LoginBody = z.strictObject({
  email: Email,
  password: z.string({ error: "Enter your password." }).min(1).max(LIMITS.passwordMax),
});
export const UserReply = z.object({ user: User });

export const MeReply = z.object({
  user: User,
  couple: z.object({ id: Id, phase: PhaseSchema }).nullable(),
});
export type MeReply = z.infer<typeof MeReply>;

export const ChangePasswordBody = z.strictObject({
  currentPassword: z
    .string({ error: "Enter your current password." })
    .min(1)
    .max(LIMITS.passwordMax),
  newPassword: NewPassword,
});

export const DeleteAccountBody = z.strictObject({
  password: z.string({ error: "Enter your password to confirm." }).min(1).max(LIMITS.passwordMax),
});

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
});
export type PublicConfig = z.infer<typeof PublicConfig>;

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
  signup: route({
    method: "POST",
    path: "/api/auth/signup",
    tags,
    summary: "Create an account and sign in",
    body: SignupBody,
    replies: { 201: UserReply },
    errors: ["email_taken", "rate_limited"],
  }),
  login: route({
    method: "POST",
    path: "/api/auth/login",
    tags,
    summary: "Sign in; a new session token every time",
    body: LoginBody,
    replies: { 200: UserReply },
    errors: ["wrong_credentials", "rate_limited"],
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
    path: "/api/account/password",
    tags,
    summary: "Change the password; every other session ends",
    body: ChangePasswordBody,
    replies: { 204: null },
    errors: ["wrong_password"],
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
