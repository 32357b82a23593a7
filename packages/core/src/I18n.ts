/**
 * The four languages every human-facing text of Murojaat is written in.
 *
 * Uzbek in Latin script is the official form; Uzbek in Cyrillic is still common among older
 * citizens; Russian is widely read; English is for integrators.
 *
 * @example
 * import { I18n } from "@murojaat/core"
 * const hello: I18n.Text = I18n.text("Salom", "Салом", "Здравствуйте", "Hello")
 * I18n.pick(hello, "ru") // "Здравствуйте"
 */
import { Schema } from "effect"

/**
 * The supported locales, in order of precedence.
 *
 * @example
 * import { I18n } from "@murojaat/core"
 * I18n.locales // ["uz-Latn", "uz-Cyrl", "ru", "en"]
 *
 * @since 0.1.0
 * @category models
 */
export const locales = ["uz-Latn", "uz-Cyrl", "ru", "en"] as const

/**
 * A locale code.
 *
 * @example
 * import { I18n } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(I18n.Locale)("uz-Cyrl") // "uz-Cyrl"
 *
 * @since 0.1.0
 * @category models
 */
export const Locale = Schema.Literal(...locales)
/** @see Locale */
export type Locale = typeof Locale.Type

/**
 * A text in all four languages.
 *
 * @example
 * import { I18n } from "@murojaat/core"
 * const t: I18n.Text = { "uz-Latn": "Ariza", "uz-Cyrl": "Ариза", ru: "Заявление", en: "Application" }
 *
 * @since 0.1.0
 * @category models
 */
export const Text = Schema.Struct({
  "uz-Latn": Schema.String,
  "uz-Cyrl": Schema.String,
  ru: Schema.String,
  en: Schema.String
})
/** @see Text */
export type Text = typeof Text.Type

/**
 * Builds a {@link Text} from its four translations, in the order uz-Latn, uz-Cyrl, ru, en.
 *
 * @example
 * import { I18n } from "@murojaat/core"
 * I18n.text("Shikoyat", "Шикоят", "Жалоба", "Complaint").en // "Complaint"
 *
 * @since 0.1.0
 * @category constructors
 */
export const text = (uzLatn: string, uzCyrl: string, ru: string, en: string): Text => ({
  "uz-Latn": uzLatn,
  "uz-Cyrl": uzCyrl,
  ru,
  en
})

/**
 * Picks one language of a {@link Text}.
 *
 * @example
 * import { I18n } from "@murojaat/core"
 * I18n.pick(I18n.text("a", "а", "а", "a"), "en") // "a"
 *
 * @since 0.1.0
 * @category utils
 */
export const pick = (t: Text, locale: Locale): string => t[locale]
