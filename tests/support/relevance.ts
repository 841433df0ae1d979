// Relevance metrics for the search relevance set (tests/fixtures/search-relevance.ts), shared
// by the floor test (npm test) and the benchmark (npm run bench).
import type { RelevanceCase } from "../fixtures/search-relevance";
import type { SearchProvider } from "~/domain/search/types";

export type CaseResult = { query: string; ranks: number[]; firstRank: number | null; top: string[] };
export type RelevanceReport = { cases: CaseResult[]; successAt5: number; recallAt5: number; mrr: number };

/** success@5: a relevant passage in the top five; recall@5: share of relevant passages there; MRR: 1/rank of the first. */
export async function evaluateRelevance(provider: SearchProvider, cases: readonly RelevanceCase[], principals: string[]): Promise<RelevanceReport> {
  const out: CaseResult[] = [];
  let success = 0;
  let recall = 0;
  let rr = 0;
  for (const c of cases) {
    const r = await provider.search(c.query, { principals, limit: 10 });
    // Hit ids, or the entity key for one-entry entities ("person:3", "signal:6", "proposal:1").
    const ids = r.hits.map((h) => h.id);
    const ranks = c.relevant.map((want) => ids.indexOf(want) + 1).filter((n) => n > 0);
    const firstRank = ranks.length ? Math.min(...ranks) : null;
    const inTop5 = ranks.filter((n) => n <= 5).length;
    if (firstRank !== null && firstRank <= 5) success++;
    recall += inTop5 / Math.min(5, c.relevant.length);
    rr += firstRank ? 1 / firstRank : 0;
    out.push({ query: c.query, ranks, firstRank, top: ids.slice(0, 5) });
  }
  const n = cases.length || 1;
  return { cases: out, successAt5: success / n, recallAt5: recall / n, mrr: rr / n };
}

export function formatReport(r: RelevanceReport): string {
  const lines = r.cases.map((c) => `${c.firstRank === null ? "  -" : String(c.firstRank).padStart(3)}  ${c.query}${c.firstRank === null || c.firstRank > 5 ? `   [top: ${c.top.join(", ")}]` : ""}`);
  return `${lines.join("\n")}\nsuccess@5 ${r.successAt5.toFixed(3)} · recall@5 ${r.recallAt5.toFixed(3)} · MRR ${r.mrr.toFixed(3)} (${r.cases.length} vragen)`;
}
