// Each feature's server-side service module registers itself on import.
export async function loadServices(): Promise<void> {
  await import("./mail/mailer");
  await import("./collab/service");
}
