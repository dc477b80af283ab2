import { z } from "zod";
import { LIMITS } from "../domain/limits.ts";
import { Id, PersonName, PhaseSchema, Timestamp } from "./common.ts";

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
