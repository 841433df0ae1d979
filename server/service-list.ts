// Each feature's server-side service module registers itself on import.
export async function loadServices(): Promise<void> {
  await import("./mail/mailer");
  await import("./collab/service");
  await import("./search/indexer");
  // Consultation: the "proposal" room kind (connections to /collab/proposal-<id>) and the scheduler.
  await import("~/domain/consultation/room.server");
  await import("./scheduler/index");
}
