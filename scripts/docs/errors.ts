/**
 * Renders docs/rules/errors.md from the error catalogue: every code, what it means, and its
 * example's message in the four languages.
 */
import { Errors, I18n } from "../../packages/core/src/index.js"
import type { Doc } from "../docs.js"
import { generated } from "../markdown.js"

const render = (): string =>
  [
    generated("packages/core/src/Errors.ts"),
    "",
    "# Error codes",
    "",
    "Every failure Murojaat reports is one of these. The code (`_tag`) is stable: it is the same in the",
    "Effect API, the async facade (the rejected value), the HTTP API (problem+json `code`), logs and the",
    "database. Messages come in Uzbek (Latin and Cyrillic), Russian and English; `error.message` is the",
    "English one. Messages never repeat the values a person typed, so errors can be logged without",
    "personal data.",
    "",
    ...Errors.catalogue.flatMap((e) => [
      `## \`${e.code}\``,
      "",
      e.meaning,
      "",
      "Example:",
      "",
      ...I18n.locales.map((l) => `- ${l}: ${Errors.messageIn(e.example, l)}`),
      ""
    ])
  ].join("\n")

const docs: ReadonlyArray<Doc> = [{ file: "docs/rules/errors.md", render }]
export default docs
