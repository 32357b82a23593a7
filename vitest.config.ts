import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))

export default defineConfig({
  resolve: {
    alias: {
      "@murojaat/core": here("./packages/core/src/index.ts"),
      "@murojaat/testkit": here("./packages/testkit/src/index.ts"),
      "@murojaat/postgres": here("./packages/adapters/postgres/src/index.ts")
    }
  },
  test: {
    include: ["packages/**/test/**/*.test.ts", "tests/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000
  }
})
