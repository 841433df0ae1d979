// A redline as plain text, for notices and e-mails (the pages render app/components/Redline.tsx).
import { plural } from "~/shared/plural";
import type { DiffBlock } from "./diff";

export const REDLINE_LEGEND = "(+ nieuw blok, − geschrapt blok, ~ gewijzigd blok; [+…+] toegevoegd, [−…−] weggehaald)";

/** Only the blocks that changed, one line each; at most `max` lines. */
export function redlineText(blocks: DiffBlock[], max = 30): string {
  const lines = blocks
    .filter((b) => b.status !== "same")
    .map((b) => {
      if (b.status === "added") return `+ ${b.segments.map((s) => s.text).join("")}`;
      if (b.status === "removed") return `− ${b.segments.map((s) => s.text).join("")}`;
      return `~ ${b.segments.map((s) => (s.type === "same" ? s.text : s.type === "add" ? `[+${s.text}+]` : `[−${s.text}−]`)).join("")}`;
    });
  if (!lines.length) return "";
  const shown = lines.slice(0, max);
  if (lines.length > max) shown.push(`… en nog ${plural(lines.length - max, "gewijzigd blok", "gewijzigde blokken")}.`);
  return `${shown.join("\n")}\n${REDLINE_LEGEND}`;
}
