import argon2 from 'argon2';

/** argon2id with the library's defaults (m = 64 MiB, t = 3, p = 4), salted per hash. */
export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });

/** A hash of a password no one has, checked when a username is unknown so timing tells nothing. */
let decoy: Promise<string> | undefined;

/** Whether `password` matches `hash`; with no hash, spends the same time and answers false. */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) {
    decoy ??= hashPassword(`decoy-${Math.random()}`);
    await argon2.verify(await decoy, password).catch(() => false);
    return false;
  }
  return argon2.verify(hash, password).catch(() => false);
}
