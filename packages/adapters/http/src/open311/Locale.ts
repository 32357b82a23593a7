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
  // An absurd header (over 1000 characters) is not read at all, so its cost stays bounded.
  if (acceptLanguage === undefined || acceptLanguage.length > 1000) return "uz-Latn"
  let best: { readonly locale: I18n.Locale; readonly weight: number } | undefined
  // At most 30 ranges are read; among equal weights the first listed wins.
  for (const item of acceptLanguage.split(",").slice(0, 30)) {
    const [tag = "", ...params] = item.split(";")
    const locale = fromTag(tag)
    if (locale === undefined) continue
    const weight = weightOf(params)
    if (weight > 0 && (best === undefined || weight > best.weight)) best = { locale, weight }
  }
  return best?.locale ?? "uz-Latn"
}

// RFC 9110 12.4.2: qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ); without one the
// weight is 1, and a malformed one makes the range unusable (weight 0).
const weightOf = (params: ReadonlyArray<string>): number => {
  for (const p of params) {
    const [name = "", value = ""] = p.split("=")
    if (name.trim().toLowerCase() !== "q") continue
    const v = value.trim()
    return /^(?:0(?:\.[0-9]{0,3})?|1(?:\.0{0,3})?)$/.test(v) ? Number(v) : 0
  }
  return 1
}
