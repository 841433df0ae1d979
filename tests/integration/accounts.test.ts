// Accounts without SSO: invitation and reset links, and the TOTP second factor.
import * as OTPAuth from "otpauth";
import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb, schema } from "~/db/client.server";
import { seedWorld } from "~/domain/seed/world.server";
import { loadActorByEmail, type Actor } from "~/domain/actor.server";
import { actorForSession, authenticate, resetLoginLimits } from "~/domain/auth.server";
import { createPerson } from "~/domain/directory.server";
import { DomainError } from "~/domain/errors";
import {
  beginTotpEnrolment,
  checkPasswordToken,
  confirmTotpEnrolment,
  completeEnrolmentChallenge,
  completeLoginChallenge,
  createLoginChallenge,
  removeSecondFactor,
  requestPasswordReset,
  secondFactorStep,
  sendInvitation,
  setPasswordWithToken,
} from "~/domain/auth/accounts.server";
import { resetClock, setClock } from "~/utils/clock.server";

const actor = (email: string): Actor => {
  const a = loadActorByEmail(email);
  if (!a) throw new Error(`no actor ${email}`);
  return a;
};
const mailsTo = (to: string) => getDb().select().from(schema.emails).where(eq(schema.emails.to, to)).all();
const linkIn = (text: string) => /\/wachtwoord-instellen\/([A-Za-z0-9_-]+)/.exec(text)?.[1];

async function refusal(p: Promise<unknown> | (() => unknown)): Promise<DomainError> {
  try {
    await (typeof p === "function" ? p() : p);
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a DomainError");
}

const codeFor = (secret: string, at = Date.now()) => OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret), timestamp: at });

beforeAll(async () => {
  await seedWorld("demo");
});
afterEach(() => resetClock());

describe("invitation", () => {
  it("a beheerder adds a person, who gets a one-time link to set a password", async () => {
    const beheer = actor("beheer@zaanstad.example");
    const org = getDb().select().from(schema.organisations).where(eq(schema.organisations.slug, "werkom")).get()!;
    const id = await createPerson({ actor: beheer, name: "Sanne Bakker", email: "sanne@werkom.example", functie: "Jobcoach", organisationId: org.id, roles: ["lezer"], password: "" });
    sendInvitation({ actor: beheer, personId: id });
    const mail = mailsTo("sanne@werkom.example");
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe("[Ketenportaal] Uitnodiging voor Ketenportaal");
    expect(mail[0].text).toContain("72 uur geldig");
    const token = linkIn(mail[0].text)!;
    // The database holds only a hash of the link.
    expect(JSON.stringify(getDb().select().from(schema.accountTokens).all())).not.toContain(token);

    await setPasswordWithToken({ token, password: "een-lang-nieuw-wachtwoord" });
    resetLoginLimits();
    expect((await authenticate({ email: "sanne@werkom.example", password: "een-lang-nieuw-wachtwoord", ip: "9.9.9.1" })).id).toBe(id);
    // Single use.
    const again = await refusal(setPasswordWithToken({ token, password: "nog-een-ander-wachtwoord" }));
    expect(again.status).toBe(400);
    expect(again.message).toMatch(/ongeldig, al gebruikt of verlopen/);
  });

  it("expires after 72 hours", async () => {
    const beheer = actor("beheer@zaanstad.example");
    const person = actor("prof2@incluzio.example");
    const { token } = sendInvitation({ actor: beheer, personId: person.id });
    setClock(new Date(Date.now() + 71 * 3600_000));
    expect(checkPasswordToken(token).purpose).toBe("uitnodiging");
    // One minute after 72 hours it is no longer valid.
    setClock(new Date(Date.now() + 72 * 3600_000 + 60_000));
    const e = await refusal(setPasswordWithToken({ token, password: "een-lang-nieuw-wachtwoord" }));
    expect(e.status).toBe(400);
    expect(e.message).toMatch(/verlopen/);
  });

  it("only a beheerder can invite", () => {
    expect(() => sendInvitation({ actor: actor("professional@dock.example"), personId: actor("prof3@smd.example").id })).toThrow(DomainError);
  });

  it("a too short password is a Dutch 400 and leaves the link usable", async () => {
    const { token } = sendInvitation({ actor: actor("beheer@zaanstad.example"), personId: actor("prof3@smd.example").id });
    const e = await refusal(setPasswordWithToken({ token, password: "kort" }));
    expect(e.status).toBe(400);
    expect(e.fieldErrors.password).toMatch(/minstens 10 tekens/);
    await setPasswordWithToken({ token, password: "een-lang-nieuw-wachtwoord" });
  });
});

describe("Wachtwoord vergeten?", () => {
  it("sends a reset link to a known address and nothing to an unknown one, with the same answer", async () => {
    const before = getDb().select().from(schema.emails).all().length;
    const unknown = requestPasswordReset({ email: "bestaat-niet@zaanstad.example" });
    expect(unknown.token).toBeNull();
    expect(getDb().select().from(schema.emails).all().length).toBe(before);
    const known = requestPasswordReset({ email: "Teamleider@SMD.example" });
    expect(known.token).toBeTruthy();
    const mail = mailsTo("teamleider@smd.example").at(-1)!;
    expect(mail.subject).toBe("[Ketenportaal] Nieuw wachtwoord instellen");
    // The reset ends the old sessions and the old password.
    await setPasswordWithToken({ token: linkIn(mail.text)!, password: "herstelde-wachtwoord-123" });
    resetLoginLimits();
    expect((await refusal(authenticate({ email: "teamleider@smd.example", password: "demo", ip: "9.9.9.2" }))).status).toBe(401);
    expect((await refusal(setPasswordWithToken({ token: known.token!, password: "nog-een-ander-wachtwoord" }))).status).toBe(400);
  });
});

describe("TOTP second factor", () => {
  it("a beheerder cannot skip it: the login asks to set it up, and only a correct code opens a session", async () => {
    const beheer = actor("beheer@zaanstad.example");
    // The demo seed gives its beheerders a factor; a real new beheerder has none yet.
    expect(secondFactorStep(beheer)).toBe("code");
    getDb().delete(schema.secondFactors).where(eq(schema.secondFactors.personId, beheer.id)).run();
    expect(secondFactorStep(beheer)).toBe("enrol");
    expect(() => removeSecondFactor({ actor: beheer })).toThrow(/verplicht/);
    const challenge = createLoginChallenge({ personId: beheer.id, redirectTo: "/beheer" });
    const { secret, uri } = beginTotpEnrolment({ personId: beheer.id });
    expect(uri).toMatch(/^otpauth:\/\/totp\/Ketenportaal%20Zaanstad:beheer%40zaanstad\.example\?/);
    const wrong = await refusal(() => completeEnrolmentChallenge({ challengeId: challenge, code: "000000" }));
    expect(wrong.status).toBe(400);
    const done = completeEnrolmentChallenge({ challengeId: challenge, code: codeFor(secret) });
    expect(done.recoveryCodes).toHaveLength(10);
    expect(actorForSession(done.sessionId)?.id).toBe(beheer.id);
    expect(secondFactorStep(beheer)).toBe("code");

    // The next login: a code from the app; the same code twice is refused (replay).
    // (The next time step's code: the current one was just used to confirm.)
    const c2 = createLoginChallenge({ personId: beheer.id, redirectTo: "/" });
    const code = codeFor(secret, Date.now() + 30_000);
    expect(actorForSession(completeLoginChallenge({ challengeId: c2, code }).sessionId)?.id).toBe(beheer.id);
    const c3 = createLoginChallenge({ personId: beheer.id, redirectTo: "/" });
    expect((await refusal(() => completeLoginChallenge({ challengeId: c3, code }))).status).toBe(400);

    // A recovery code works once.
    const r = completeLoginChallenge({ challengeId: c3, code: done.recoveryCodes[0] });
    expect(r.usedRecoveryCode).toBe(true);
    const c4 = createLoginChallenge({ personId: beheer.id, redirectTo: "/" });
    expect((await refusal(() => completeLoginChallenge({ challengeId: c4, code: done.recoveryCodes[0] }))).status).toBe(400);
  });

  it("is optional for others, who may set it up and then need it", () => {
    const prof = actor("prof4@dock.example");
    expect(secondFactorStep(prof)).toBe("none");
    const { secret } = beginTotpEnrolment({ personId: prof.id });
    expect(secondFactorStep(prof)).toBe("none");
    const c = createLoginChallenge({ personId: prof.id, redirectTo: "/" });
    // A login step for someone without a factor is not an enrolment (that is for beheerders).
    expect(() => completeEnrolmentChallenge({ challengeId: c, code: codeFor(secret) })).toThrow(DomainError);
    // From the account page: confirm, then the login asks for a code.
    const { recoveryCodes } = confirmTotpEnrolment({ personId: prof.id, code: codeFor(secret) });
    expect(recoveryCodes).toHaveLength(10);
    expect(secondFactorStep(prof)).toBe("code");
    removeSecondFactor({ actor: prof });
    expect(secondFactorStep(prof)).toBe("none");
  });

  it("an expired or unknown login step is a Dutch 400, and five wrong codes end it", async () => {
    expect((await refusal(() => completeLoginChallenge({ challengeId: "onbekend", code: "123456" }))).status).toBe(400);
    const beheer = actor("beheer@zaanstad.example");
    const c = createLoginChallenge({ personId: beheer.id, redirectTo: "/" });
    for (let i = 0; i < 5; i++) expect((await refusal(() => completeLoginChallenge({ challengeId: c, code: "111111" }))).status).toBe(400);
    expect((await refusal(() => completeLoginChallenge({ challengeId: c, code: "111111" }))).status).toBe(429);
  });
});

