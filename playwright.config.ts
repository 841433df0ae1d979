import { defineConfig } from "@playwright/test";

// Each worker starts its own portal server and SMTP catcher (tests/e2e/fixtures.ts), so no
// webServer here. Chromium comes from Debian (/usr/bin/chromium) — browsers cannot be
// downloaded on our machines; scripts/ensure-chromium.mjs installs it when missing.
export default defineConfig({
  testDir: "tests/e2e",
  // Parallel local runs can point this elsewhere so they do not clean up each other's traces.
  outputDir: process.env.PW_OUTPUT_DIR ?? "test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: process.env.PW_REPORTER ? [[process.env.PW_REPORTER]] : [["list"]],
  use: {
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.KP_CHROMIUM || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
    locale: "nl-NL",
    timezoneId: "Europe/Amsterdam",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
});
