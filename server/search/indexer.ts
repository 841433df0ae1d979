// Background service that keeps the search index in step with the database: drains the
// search outbox every 300 ms and immediately after each enqueueSearch (a nudge from the
// outbox module), so a change is findable well within two seconds. On start it builds the
// index when it is empty but the database is not (new installation, switch of engine).
import { onSearchEnqueued } from "~/domain/search-outbox.server";
import { drainOutbox, ensureIndexed } from "~/domain/search/indexer.server";
import { getSearchProvider } from "~/domain/search/provider.server";
import type { BackgroundService } from "../services";

export const POLL_MS = 300;
/**
 * Entries per drain in the running portal. Indexing is synchronous work on the main thread
 * (FTS5); small slices with a turn of the event loop in between keep collaboration messages
 * flowing while hundreds of live drafts are re-indexed.
 */
const SLICE = 8;
const RETRY_INIT_MS = 10_000;

let timer: NodeJS.Timeout | null = null;
let unsubscribe: (() => void) | null = null;
let nudged: NodeJS.Timeout | null = null;
let ready = false;
let initializing: Promise<void> | null = null;
let lastInitAttempt = 0;

async function initialize(): Promise<void> {
  lastInitAttempt = Date.now();
  try {
    await ensureIndexed((m) => console.log(m));
    ready = true;
  } catch (e) {
    // An unreachable Meilisearch must not stop the portal; we try again later.
    console.error(`[zoeken] zoekindex (${getSearchProvider().name}) niet beschikbaar:`, e instanceof Error ? e.message : e);
  }
}

async function tick(): Promise<void> {
  if (!ready) {
    if (!initializing && Date.now() - lastInitAttempt >= RETRY_INIT_MS) initializing = initialize().finally(() => (initializing = null));
    return;
  }
  const r = await drainOutbox(undefined, SLICE);
  // A full batch means more is waiting: continue at once instead of at the next poll.
  if (r.remaining && r.processed > 0) nudge();
}

function nudge(): void {
  if (nudged) return;
  nudged = setTimeout(() => {
    nudged = null;
    void tick().catch((e) => console.error("[zoeken]", e));
  }, 5);
}

export async function startSearchIndexer(): Promise<void> {
  if (timer) return;
  initializing = initialize().finally(() => (initializing = null));
  await initializing;
  unsubscribe = onSearchEnqueued(nudge);
  timer = setInterval(() => void tick().catch((e) => console.error("[zoeken]", e)), POLL_MS);
  timer.unref();
}

export function stopSearchIndexer(): void {
  if (timer) clearInterval(timer);
  if (nudged) clearTimeout(nudged);
  unsubscribe?.();
  timer = null;
  nudged = null;
  unsubscribe = null;
  ready = false;
}

export const searchIndexerService: BackgroundService = { name: "search-indexer", start: startSearchIndexer, stop: stopSearchIndexer };
