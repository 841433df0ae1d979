// Acceptance 1: the provider contract, always run against the embedded SQLite FTS5 engine.
import { providerContract } from "./contract.testkit";
import { Fts5Provider } from "./fts5.server";

providerContract("SQLite FTS5", async (source) => new Fts5Provider({ source }));
