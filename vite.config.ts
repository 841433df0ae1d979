import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  resolve: {
    alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) },
  },
  server: { port: 3000 },
  build: { target: "es2022" },
  ssr: {
    // Native / node-only modules stay external in the server bundle.
    external: ["better-sqlite3", "@node-rs/argon2", "nodemailer", "ws"],
  },
  plugins: [
    remix({
      // Separate build directories let parallel test runs use their own build.
      buildDirectory: process.env.KP_BUILD_DIR ?? "build",
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
  ],
});
