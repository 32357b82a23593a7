import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))

export default defineConfig({
  resolve: {
    // Exact matches (a string key would also rewrite "@murojaat/postgres/testing" as a sub-path of the main entry).
    alias: [
      { find: /^@murojaat\/core$/, replacement: here("./packages/core/src/index.ts") },
      { find: /^@murojaat\/testkit$/, replacement: here("./packages/testkit/src/index.ts") },
      { find: /^@murojaat\/postgres$/, replacement: here("./packages/adapters/postgres/src/index.ts") },
      { find: /^@murojaat\/postgres\/testing$/, replacement: here("./packages/adapters/postgres/src/testing.ts") },
      { find: /^@murojaat\/http$/, replacement: here("./packages/adapters/http/src/index.ts") },
      { find: /^@murojaat\/rabbitmq$/, replacement: here("./packages/adapters/rabbitmq/src/index.ts") }
    ]
  },
  test: {
    include: ["packages/**/test/**/*.test.ts", "tests/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000
  }
})
