// Search benchmark (issue 6): synthetic Dutch passages at 10,000 and 100,000, built into the
// FTS5 index through the SearchProvider interface; reports build time, index size and
// p50/p95 latency of single-word, prefix and two-word queries with permission filters.
// Run alone: `npx tsx tests/bench/search.ts [10000 100000]`, or with the rest: `npm run bench`.
// Not a test: it asserts nothing, it prints figures (targets: p95 ≤ 15 ms at 10k, ≤ 60 ms at 100k).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "~/db/client.server";
import { Fts5Provider } from "~/domain/search/fts5.server";
import type { EntrySource, SearchEntry, SearchProvider } from "~/domain/search/types";

// ------------------------------------------------------------------ synthetic Dutch text

const BASE_WORDS = `afspraak afspraken werkafspraken wijkteam wijkteams inwoner inwoners aanbieder aanbieders overdracht
warme startgesprek startgesprekken bijstand uitkering uitkeringen werk werkom participatie armoede schulden schuldhulp
mantelzorg mantelzorger mantelzorgers ondersteuning begeleiding individuele indicatie toegang keten ketens ketenpartner
ketenpartners regisseur opgaveregisseur gemeente consultatie voorstel wijziging wijzigingen signaal signalen terugkoppeling
evaluatie besluit ingangsdatum tijdlijn reactienota overleg kwartaal casusoverleg verbeterregister registratie profiel
profielen traject trajecten jongeren gezondheid huiselijk geweld veiligheid opvoeden opgroeien wijk wijken buurt
vrijwilligers opbouwwerk ontmoeting eenzaamheid ouderen dagbesteding respijtzorg hulpmiddelen woningcorporatie huisarts
praktijkondersteuner ggz wachtlijst wachttijd budget capaciteit formatie uren contract opdracht opdrachtgever uitvoering
partnerschap samenwerking vertrouwen afstemming escalatie verschil inzicht teamleider professional collega medewerker
nieuwe medewerkers inwerken wegwijzer handboek werkwijze procedure termijn werkdagen melding meldingen formulier
gegevens privacy toestemming dossier verslag rapportage monitor indicatoren doelen resultaten leren verbeteren pilot
aanvraag beoordeling afstand arbeidsmarkt overbrugbaar stabiliseren meedoen activering dagritme taalvaardigheid
inkomen kosten vergoeding regeling minima kwijtschelding budgetbeheer bewindvoering kredietbank preventie vroegsignalering
huisbezoek keukentafelgesprek ondersteuningsplan zorgaanbieder thuiszorg huishoudelijke hulp vervoer woningaanpassing`
  .split(/\s+/)
  .filter(Boolean);
const FILLER = "de het een en van in op te voor met dat die is bij als aan om door naar of ook dan wordt worden zijn we wij ze".split(" ");
const SUFFIXES = ["overleg", "plan", "team", "afspraak", "register", "gesprek", "route", "termijn", "budget", "regeling", "aanpak", "punt"];

function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A vocabulary of real words plus compounds (Dutch glues words together), ~5,000 distinct. */
function vocabulary(rand: () => number): string[] {
  const words = new Set(BASE_WORDS);
  while (words.size < 5000) {
    const a = BASE_WORDS[Math.floor(rand() * BASE_WORDS.length)];
    const b = rand() < 0.5 ? SUFFIXES[Math.floor(rand() * SUFFIXES.length)] : BASE_WORDS[Math.floor(rand() * BASE_WORDS.length)];
    if (a !== b) words.add(a + b);
  }
  return [...words];
}

/** Zipf-like pick: low indexes are common, high ones rare. */
function zipf(rand: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(Math.pow(rand(), 2.2) * n));
}

/** Document titles as in the portal: a kind of document and a subject; a quarter are werkafspraken. */
const DOC_KINDS = ["Werkafspraken", "Visie op", "Handreiking", "Werkafspraken", "Protocol", "Opdracht", "Werkwijze", "Werkafspraken", "Kader", "Procesbeschrijving", "Notitie", "Samenwerking"];

const KETENS = ["wmo-mantelzorg-gezondheid", "participatie-armoede", "zorg-veiligheid", "opvoeden-opgroeien"];

function* passages(count: number, seed = 42): Generator<SearchEntry> {
  const rand = mulberry32(seed);
  const vocab = vocabulary(mulberry32(7));
  const sentence = (len: number) => {
    const out: string[] = [];
    for (let i = 0; i < len; i++) out.push(rand() < 0.35 ? FILLER[Math.floor(rand() * FILLER.length)] : vocab[zipf(rand, vocab.length)]);
    out[0] = out[0][0].toUpperCase() + out[0].slice(1);
    return `${out.join(" ")}.`;
  };
  const perDoc = 20;
  for (let i = 0; i < count; i++) {
    const doc = Math.floor(i / perDoc);
    const keten = doc % 5 === 4 ? null : doc % 4;
    const r = rand();
    // Mostly published passages (everyone); the rest restricted like drafts, proposals and signals.
    const [kind, visibility]: [SearchEntry["kind"], string[]] =
      r < 0.7
        ? ["document", ["all"]]
        : r < 0.8
          ? ["concept", keten == null ? ["portal-owner", "editor:gemeente", "editor:portal-wide"] : [`keten-owner:${keten + 1}`, "editor:gemeente", `editor:keten:${keten + 1}`]]
          : r < 0.9
            ? ["voorstel", [`person:${doc % 50}`, "municipal", `org:${doc % 10}`, "editor:gemeente"]]
            : ["signaal", [`person:${doc % 70}`, "non-partner", `org:${doc % 10}`, `keten-member:${(doc % 4) + 1}`]];
    const body = Array.from({ length: 3 + Math.floor(rand() * 5) }, () => sentence(8 + Math.floor(rand() * 12))).join(" ");
    yield {
      id: `${kind}:${doc}#p${i}`,
      entityKey: `${kind}:${doc}`,
      kind,
      title: `${DOC_KINDS[doc % DOC_KINDS.length]} ${vocab[(doc * 7) % 900]} ${vocab[(doc * 13) % 2000]}`,
      section: sentence(3 + Math.floor(rand() * 4)).replace(/\.$/, ""),
      body,
      url: `/documenten/doc-${doc}#p${i}`,
      position: i % perDoc,
      updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      visibility,
      facets: { keten: keten == null ? [] : [KETENS[keten]], status: [kind === "document" ? "gepubliceerd" : "concept"] },
    };
  }
}

export function syntheticSource(count: number): EntrySource {
  return {
    countEntities: () => Math.ceil(count / 20),
    *batches(size = 500) {
      let batch: SearchEntry[] = [];
      let entity = "";
      let entities = 0;
      for (const p of passages(count)) {
        if (p.entityKey !== entity) {
          if (batch.length >= size) {
            yield { entries: batch, entities };
            batch = [];
            entities = 0;
          }
          entity = p.entityKey;
          entities += 1;
        }
        batch.push(p);
      }
      if (batch.length) yield { entries: batch, entities };
    },
  };
}

// ------------------------------------------------------------------ measuring

const PARTNER = ["all", "person:20", "org:8", "keten-member:2"];
const EDITOR = ["all", "person:12", "org:6", "non-partner", "editor:portal-wide", "editor:keten:1", "editor:keten:2", "keten-member:1", "keten-member:2"];

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timeQueries(provider: SearchProvider, queries: string[], opts: { facets?: boolean } = {}): Promise<{ p50: number; p95: number; meanHits: number }> {
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < queries.length; i++) {
    const principals = i % 2 === 0 ? PARTNER : EDITOR;
    const t0 = process.hrtime.bigint();
    const r = await provider.search(queries[i], { principals, limit: 10, highlight: true, facets: opts.facets ? ["soort", "keten", "status"] : [] });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    hits += r.total;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), meanHits: Math.round(hits / queries.length) };
}

export function queryMix(count: number) {
  const rand = mulberry32(99);
  const vocab = vocabulary(mulberry32(7));
  const word = () => vocab[zipf(rand, vocab.length)];
  const single = Array.from({ length: count }, word);
  const prefix = Array.from({ length: count }, () => {
    const w = word();
    return w.slice(0, Math.min(w.length, 3 + Math.floor(rand() * 3)));
  });
  const two = Array.from({ length: count }, () => `${word()} ${word()}`);
  return { single, prefix, two };
}

export type BenchRow = { passages: number; buildSeconds: number; dbMiB: number; rows: { kind: string; p50: number; p95: number; meanHits: number }[] };

async function benchOne(count: number, queriesPerKind = 300): Promise<BenchRow> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kp-bench-search-"));
  const file = path.join(dir, "bench.db");
  const db = openDatabase(file);
  try {
    const provider = new Fts5Provider({ database: () => db.$client, source: syntheticSource(count) });
    await provider.init();
    const t0 = Date.now();
    await provider.reindexAll();
    const buildSeconds = (Date.now() - t0) / 1000;
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    const dbMiB = fs.statSync(file).size / 1024 / 1024;

    const mix = queryMix(queriesPerKind);
    await timeQueries(provider, mix.single.slice(0, 30)); // warm the page cache
    const rows = [
      { kind: "één woord", ...(await timeQueries(provider, mix.single)) },
      { kind: "prefix (typen)", ...(await timeQueries(provider, mix.prefix)) },
      { kind: "twee woorden", ...(await timeQueries(provider, mix.two)) },
      { kind: "twee woorden + facetten", ...(await timeQueries(provider, mix.two.slice(0, 100), { facets: true })) },
    ];
    return { passages: count, buildSeconds, dbMiB, rows };
  } finally {
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function runSearchBench(sizes: number[] = [10_000, 100_000]): Promise<BenchRow[]> {
  const out: BenchRow[] = [];
  console.log(`Zoeken (SQLite FTS5), ${os.cpus().length} cores, Node ${process.version}`);
  for (const n of sizes) {
    const r = await benchOne(n);
    out.push(r);
    console.log(`\n${n.toLocaleString("nl-NL")} passages: index opgebouwd in ${r.buildSeconds.toFixed(1)} s, database ${r.dbMiB.toFixed(1)} MiB`);
    console.log("  soort zoekvraag             p50 ms   p95 ms   gem. treffers");
    for (const row of r.rows) {
      console.log(`  ${row.kind.padEnd(26)} ${row.p50.toFixed(2).padStart(7)}  ${row.p95.toFixed(2).padStart(7)}  ${String(row.meanHits).padStart(8)}`);
    }
  }
  return out;
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  await runSearchBench(sizes.length ? sizes : undefined);
}
