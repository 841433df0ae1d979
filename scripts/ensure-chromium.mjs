// Browsers cannot be downloaded by Playwright on our machines, so e2e tests use Debian's
// Chromium. When it is missing: install it with apt as root; otherwise try Playwright's own
// download (works on machines with internet); otherwise say exactly what to run.
import { execSync, spawnSync } from "node:child_process";
import fs from "node:fs";

const wanted = process.env.KP_CHROMIUM || "/usr/bin/chromium";
if (fs.existsSync(wanted)) process.exit(0);

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (isRoot && fs.existsSync("/usr/bin/apt-get")) {
  console.log("Chromium ontbreekt: installeren met apt-get (Debian-pakket chromium)...");
  const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  const install = spawnSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium", "fonts-dejavu-core"], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (update.status === 0 && install.status === 0 && fs.existsSync(wanted)) process.exit(0);
}

// Not root (or apt failed): Playwright's own browser download, where the network allows it.
try {
  execSync("npx playwright install chromium", { stdio: "inherit" });
  const path = execSync(`node -e "console.log(require('playwright-core').chromium.executablePath())"`).toString().trim();
  if (path && fs.existsSync(path)) {
    console.log(`Chromium van Playwright gevonden: ${path}. Zet KP_CHROMIUM=${path} om deze te gebruiken.`);
    if (!process.env.KP_CHROMIUM) {
      console.error(`Start opnieuw met: KP_CHROMIUM=${path} npm test`);
      process.exit(1);
    }
    process.exit(0);
  }
} catch {
  // fall through to the instructions
}

console.error(
  [
    "Chromium is nodig voor de end-to-end-tests maar is niet gevonden op " + wanted + ".",
    "Installeer het met:",
    "  sudo apt-get update && sudo apt-get install -y chromium",
    "of, met internettoegang:",
    "  npx playwright install chromium   (en zet KP_CHROMIUM op het pad dat Playwright meldt)",
  ].join("\n"),
);
process.exit(1);
