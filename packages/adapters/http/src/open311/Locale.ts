/**
 * The language of an Open311 answer: a `locale` parameter if it names one of ours, else the best
 * match of the `Accept-Language` header (by its q-values), else Uzbek in Latin script. Uzbek without
 * a script (`uz`, `uz-UZ`) is Latin, the official script; `uz-Cyrl` asks for Cyrillic.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * Open311.Locale.negotiate(undefined, "ru-RU,ru;q=0.9,en;q=0.5") // "ru"
 * Open311.Locale.negotiate("uz-Cyrl", "en") // "uz-Cyrl"
 *
 * @since 0.1.0
 */
import type { I18n } from "@murojaat/core"

/**
 * The locale a language tag names, or `undefined` if none of ours.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * Open311.Locale.fromTag("uz-Cyrl-UZ") // "uz-Cyrl"
 * Open311.Locale.fromTag("de") // undefined
 *
 * @since 0.1.0
 */
export const fromTag = (tag: string): I18n.Locale | undefined => {
  const parts = tag.trim().toLowerCase().replace(/_/g, "-").split("-")
  switch (parts[0]) {
    case "uz":
      return parts.includes("cyrl") ? "uz-Cyrl" : "uz-Latn"
    case "ru":
      return "ru"
    case "en":
      return "en"
    default:
      return undefined
  }
}

/**
 * The locale of a request: the `locale` parameter, then `Accept-Language`, then `uz-Latn`. A
 * malformed header is ignored, never an error.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * Open311.Locale.negotiate(undefined, undefined) // "uz-Latn"
 * Open311.Locale.negotiate(undefined, "en;q=0.2, uz-Cyrl;q=0.8") // "uz-Cyrl"
 *
 * @since 0.1.0
 */
export const negotiate = (param: string | undefined, acceptLanguage: string | undefined): I18n.Locale => {
  const fromParam = param === undefined ? undefined : fromTag(param)
  if (fromParam !== undefined) return fromParam
  if (acceptLanguage === undefined) return "uz-Latn"
  const ranked = acceptLanguage
    .slice(0, 1000)
    .split(",")
    .map((item, index) => {
      const [tag = "", ...params] = item.split(";")
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined)
      const weight = q === undefined ? 1 : Number(q)
      return { locale: fromTag(tag), weight: Number.isFinite(weight) ? weight : 0, index }
    })
    .filter((x): x is { locale: I18n.Locale; weight: number; index: number } => x.locale !== undefined && x.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
  return ranked[0]?.locale ?? "uz-Latn"
}
