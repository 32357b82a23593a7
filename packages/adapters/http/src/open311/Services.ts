/**
 * The Open311 services are Murojaat's triage categories (`Taxonomy`): `service_code` is the
 * category code, `service_name` its name in the request's language, and every service has the same
 * three attributes in its definition:
 *
 * - `mahalla` (singlevaluelist): the mahalla where the matter is, from the directory (narrowed to
 *   the `jurisdiction_id` when that names a region, district or mahalla). Not required, because an
 *   `address_id` or `address_string` may place the request instead; a request that nothing places
 *   is refused.
 * - `kind` (singlevaluelist): ariza, taklif or shikoyat (ZRU-445). Default from the service:
 *   `proposal` is a taklif, `officerComplaint` a shikoyat, the others an ariza.
 * - `residence` (string): the applicant's place of residence. ZRU-445 Art. 29 makes an appeal
 *   without the applicant's name or address anonymous, and Open311 has no field for it.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * import { Taxonomy } from "@murojaat/core"
 * Open311.Document.toJson(Open311.Services.serviceList(Taxonomy.defaultCategories.slice(0, 1), "en"))
 * // [{ service_code: "domesticViolence", service_name: "Domestic violence", description: "Considered within 15 days, up to one month when extra study is needed (ZRU-445 Art. 28).", metadata: true, type: "realtime", keywords: "Oiladagi zoʻravonlik, Оиладаги зўравонлик, Насилие в семье, Domestic violence", group: "womensAffairsInspector" }]
 *
 * @since 0.1.0
 */
import { type Appeal, type Directory, I18n, type Taxonomy } from "@murojaat/core"
import * as Document from "./Document.js"

const t = I18n.text

/**
 * The codes of the attributes every service defines.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * Open311.Services.attributes.mahalla // "mahalla"
 *
 * @since 0.1.0
 */
export const attributes = { mahalla: "mahalla", kind: "kind", residence: "residence" } as const

/**
 * What an Open311 client gets back on submission: the service request id at once (`realtime`), or a
 * token to exchange for it (`batch`). Murojaat creates the appeal during the request either way;
 * `batch` is for clients written for servers that answer with tokens.
 *
 * @example
 * import type { Open311 } from "@murojaat/http"
 * const t: Open311.Services.ResponseType = "realtime"
 *
 * @since 0.1.0
 */
export type ResponseType = "realtime" | "batch"

/**
 * The kind of appeal a service files by default.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * Open311.Services.defaultKind("proposal") // "taklif"
 * Open311.Services.defaultKind("fraud") // "ariza"
 *
 * @since 0.1.0
 */
export const defaultKind = (serviceCode: string): Appeal.Kind =>
  serviceCode === "proposal" ? "taklif" : serviceCode === "officerComplaint" ? "shikoyat" : "ariza"

/**
 * The names of the kinds of appeal (ZRU-445) in the four languages.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * Open311.Services.kindNames.shikoyat.en // "Complaint"
 *
 * @since 0.1.0
 */
export const kindNames: { readonly [K in Appeal.Kind]: I18n.Text } = {
  ariza: t("Ariza", "Ариза", "Заявление", "Application"),
  taklif: t("Taklif", "Таклиф", "Предложение", "Proposal"),
  shikoyat: t("Shikoyat", "Шикоят", "Жалоба", "Complaint")
}

/**
 * What the body will do with an appeal of the category and kind: forward it to the competent body
 * within 5 days when the category belongs elsewhere (ZRU-445), else consider it within the terms of
 * ZRU-445 Art. 28. Used as the service's `description` and the request's `service_notice`.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * import { Taxonomy } from "@murojaat/core"
 * Open311.Services.notice(Taxonomy.category(Taxonomy.defaults, "proposal")!, "taklif", "en") // "Considered within one month (ZRU-445 Art. 28)."
 *
 * @since 0.1.0
 */
export const notice = (category: Taxonomy.Category, kind: Appeal.Kind, locale: I18n.Locale): string => {
  if (category.competentBody !== undefined) {
    const body = category.competentBody[locale]
    return t(
      `Bu masala boshqa organ vakolatida: ${body}. Murojaat 5 kun ichida unga yuboriladi va sizga xabar beriladi (ZRU-445).`,
      `Бу масала бошқа орган ваколатида: ${body}. Мурожаат 5 кун ичида унга юборилади ва сизга хабар берилади (ZRU-445).`,
      `Вопрос в компетенции другого органа: ${body}. Обращение будет направлено туда в течение 5 дней с уведомлением вас (ZRU-445).`,
      `This matter is for another body: ${body}. The appeal is forwarded to it within 5 days and you are told (ZRU-445).`
    )[locale]
  }
  return kind === "taklif"
    ? t("Bir oy ichida koʻrib chiqiladi (ZRU-445, 28-modda).", "Бир ой ичида кўриб чиқилади (ZRU-445, 28-модда).", "Рассматривается в течение одного месяца (ZRU-445, ст. 28).", "Considered within one month (ZRU-445 Art. 28).")[locale]
    : t(
        "15 kun ichida, qoʻshimcha oʻrganish kerak boʻlsa bir oygacha koʻrib chiqiladi (ZRU-445, 28-modda).",
        "15 кун ичида, қўшимча ўрганиш керак бўлса бир ойгача кўриб чиқилади (ZRU-445, 28-модда).",
        "Рассматривается в течение 15 дней, при необходимости дополнительного изучения — до одного месяца (ZRU-445, ст. 28).",
        "Considered within 15 days, up to one month when extra study is needed (ZRU-445 Art. 28)."
      )[locale]
}

/**
 * The `service` element of a category.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * import { Taxonomy } from "@murojaat/core"
 * Open311.Services.service(Taxonomy.category(Taxonomy.defaults, "animals")!, "ru", "realtime").name // "service"
 *
 * @since 0.1.0
 */
export const service = (category: Taxonomy.Category, locale: I18n.Locale, type: ResponseType): Document.Node =>
  Document.fields("service", [
    Document.leaf("service_code", category.code),
    Document.leaf("service_name", category.name[locale]),
    Document.leaf("description", notice(category, defaultKind(category.code), locale)),
    // Every service has attributes (mahalla, kind, residence): clients should read the definition.
    Document.leaf("metadata", true),
    Document.leaf("type", type),
    // The names in the other languages are the synonyms a client's search needs.
    Document.leaf("keywords", I18n.locales.map((l) => category.name[l]).join(", ")),
    Document.leaf("group", category.role)
  ])

/**
 * The `services` document: every category.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * import { Taxonomy } from "@murojaat/core"
 * Open311.Services.serviceList(Taxonomy.defaultCategories, "en").name // "services"
 *
 * @since 0.1.0
 */
export const serviceList = (categories: ReadonlyArray<Taxonomy.Category>, locale: I18n.Locale, type: ResponseType = "realtime"): Document.Node =>
  Document.list("services", categories.map((c) => service(c, locale, type)))

const attribute = (
  order: number,
  code: string,
  datatype: "string" | "singlevaluelist",
  description: I18n.Text,
  datatypeDescription: I18n.Text | undefined,
  locale: I18n.Locale,
  values: ReadonlyArray<{ readonly key: string; readonly name: string }> | undefined
): Document.Node =>
  Document.fields("attribute", [
    Document.leaf("variable", true),
    Document.leaf("code", code),
    Document.leaf("datatype", datatype),
    Document.leaf("required", false),
    Document.leaf("datatype_description", datatypeDescription?.[locale] ?? null),
    Document.leaf("order", order),
    Document.leaf("description", description[locale]),
    ...(values === undefined ? [] : [Document.list("values", values.map((v) => Document.fields("value", [Document.leaf("key", v.key), Document.leaf("name", v.name)])))])
  ])

/**
 * The `service_definition` document of a category: its three attributes, the mahallas listed with
 * their district, in the request's language.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * import { Sample, Taxonomy } from "@murojaat/core"
 * const d = Open311.Document.toJson(Open311.Services.definition(Taxonomy.category(Taxonomy.defaults, "animals")!, Sample.directory.mahallas, Sample.directory, "en")) as any
 * d.attributes[0].values[0] // { key: "1726262-001", name: "Bodomzor (Yunusobod district)" }
 *
 * @since 0.1.0
 */
export const definition = (
  category: Taxonomy.Category,
  mahallas: ReadonlyArray<Directory.Mahalla>,
  directory: Directory.Directory,
  locale: I18n.Locale
): Document.Node => {
  const districts = new Map(directory.districts.map((d) => [d.code as string, d]))
  const mahallaValues = mahallas.map((m) => {
    const district = districts.get(m.districtCode)
    return { key: m.code, name: district === undefined ? m.name[locale] : `${m.name[locale]} (${district.name[locale]})` }
  })
  const kind = defaultKind(category.code)
  return Document.fields("service_definition", [
    Document.leaf("service_code", category.code),
    Document.list("attributes", [
      attribute(
        1,
        attributes.mahalla,
        "singlevaluelist",
        t("Voqea qaysi mahallada?", "Воқеа қайси маҳаллада?", "В какой махалле это происходит?", "In which mahalla is it?"),
        t(
          "Manzil yoki nuqta mahallani aniqlamasa, shart",
          "Манзил ёки нуқта маҳаллани аниқламаса, шарт",
          "Обязательно, если адрес или точка не определяют махаллю",
          "Required unless the address or point places the mahalla"
        ),
        locale,
        mahallaValues
      ),
      attribute(
        2,
        attributes.kind,
        "singlevaluelist",
        t("Murojaat turi", "Мурожаат тури", "Вид обращения", "Kind of appeal"),
        t(`Koʻrsatilmasa: ${kindNames[kind]["uz-Latn"]}`, `Кўрсатилмаса: ${kindNames[kind]["uz-Cyrl"]}`, `По умолчанию: ${kindNames[kind].ru}`, `Default: ${kindNames[kind].en}`),
        locale,
        (["ariza", "taklif", "shikoyat"] as const).map((k) => ({ key: k, name: kindNames[k][locale] }))
      ),
      attribute(
        3,
        attributes.residence,
        "string",
        t("Yashash manzilingiz", "Яшаш манзилингиз", "Ваш адрес проживания", "Your place of residence"),
        t(
          "Ism va manzilsiz murojaat anonim hisoblanadi (ZRU-445, 29-modda)",
          "Исм ва манзилсиз мурожаат аноним ҳисобланади (ZRU-445, 29-модда)",
          "Обращение без имени и адреса считается анонимным (ZRU-445, ст. 29)",
          "An appeal without a name and address is anonymous (ZRU-445 Art. 29)"
        ),
        locale,
        undefined
      )
    ])
  ])
}

/**
 * The category a stored appeal belongs to: its triaged category, else the service it was submitted
 * under (its subject line is the service's name in one of the four languages), else `other`.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * import { Taxonomy } from "@murojaat/core"
 * Open311.Services.categoryOf(Taxonomy.defaultCategories, undefined, "Hayvonlar")?.code // "animals"
 *
 * @since 0.1.0
 */
export const categoryOf = (
  categories: ReadonlyArray<Taxonomy.Category>,
  triaged: string | undefined,
  subject: string | undefined
): Taxonomy.Category | undefined =>
  (triaged === undefined ? undefined : categories.find((c) => c.code === triaged)) ??
  (subject === undefined ? undefined : categories.find((c) => I18n.locales.some((l) => c.name[l] === subject))) ??
  categories.find((c) => c.code === "other")
