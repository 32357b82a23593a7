/**
 * The default categories, as data (`Taxonomy.defaultCategories`): code, names in four languages,
 * default priority, the officer role best placed to handle it, a note with its legal basis, and the
 * competent body when it is not the police. docs/rules/triage.md lists them.
 */
import type * as Directory from "../../Directory.js"
import * as I18n from "../../I18n.js"
import type { Category, Flag, Priority } from "../../Taxonomy.js"

const c = (
  code: string,
  name: I18n.Text,
  priority: Priority,
  role: Directory.OfficerRole,
  note: string,
  extra: { competentBody?: I18n.Text; flags?: ReadonlyArray<Flag> } = {}
): Category => ({ code, name, priority, role, note, flags: extra.flags ?? [], ...(extra.competentBody ? { competentBody: extra.competentBody } : {}) })

const hokimiyat = I18n.text("Tuman (shahar) hokimligi", "Туман (шаҳар) ҳокимлиги", "Хокимият района (города)", "District (city) khokimiyat")

/** The default categories (22). */
export const defaultCategories: ReadonlyArray<Category> = [
  c("domesticViolence", I18n.text("Oiladagi zoʻravonlik", "Оиладаги зўравонлик", "Насилие в семье", "Domestic violence"), "high", "womensAffairsInspector",
    "Violence, harassment or oppression by a spouse or relative; starts the protection-order clock (ZRU-561; Criminal Code Art. 126-1).", { flags: ["domesticViolence"] }),
  c("familyConflict", I18n.text("Oilaviy nizo", "Оилавий низо", "Семейный конфликт", "Family conflict"), "normal", "womensAffairsInspector",
    "Quarrels, divorce, alimony or in-law conflicts without reported violence."),
  c("threatsViolence", I18n.text("Tahdid va zoʻravonlik", "Таҳдид ва зўравонлик", "Угрозы и насилие", "Threats and violence"), "high", "preventionInspector",
    "Threats, beatings and fights outside the family."),
  c("theftProperty", I18n.text("Oʻgʻirlik va mulkka zarar", "Ўғирлик ва мулкка зарар", "Кража и ущерб имуществу", "Theft and damage to property"), "normal", "preventionInspector",
    "Theft, burglary, robbery, damage to property."),
  c("fraud", I18n.text("Firibgarlik (internetda ham)", "Фирибгарлик (интернетда ҳам)", "Мошенничество (в том числе в интернете)", "Fraud, including online fraud"), "normal", "preventionInspector",
    "Deception for money: fake sellers, card and SMS-code fraud, loans not returned by deceit."),
  c("publicOrder", I18n.text("Jamoat tartibi va shovqin", "Жамоат тартиби ва шовқин", "Общественный порядок и шум", "Public order and noise"), "normal", "preventionInspector",
    "Noise, hooliganism, gatherings, swearing in public."),
  c("alcoholDrugs", I18n.text("Spirtli ichimlik va giyohvandlik", "Спиртли ичимлик ва гиёҳвандлик", "Алкоголь и наркотики", "Alcohol and drugs"), "normal", "preventionInspector",
    "Drunkenness, drug use or dealing."),
  c("minors", I18n.text("Voyaga yetmaganlar", "Вояга етмаганлар", "Несовершеннолетние", "Minors"), "high", "juvenileInspector",
    "Children and teenagers: neglect, truancy, bad company, bullying.", { flags: ["minorInvolved"] }),
  c("missingPerson", I18n.text("Bedarak yoʻqolganlar", "Бедарак йўқолганлар", "Пропавшие без вести", "Missing persons"), "high", "seniorInspector",
    "A person who did not come home or cannot be reached; when that is unlike them or they are helpless, the urgency detector makes it urgent (every hour counts)."),
  c("roadSafety", I18n.text("Yoʻl harakati xavfsizligi", "Йўл ҳаракати хавфсизлиги", "Безопасность дорожного движения", "Road safety"), "normal", "preventionInspector",
    "Dangerous driving, drink-driving, accidents, parking that blocks passage."),
  c("neighbourDispute", I18n.text("Qoʻshnilar oʻrtasidagi nizo", "Қўшнилар ўртасидаги низо", "Споры между соседями", "Neighbour disputes"), "normal", "preventionInspector",
    "Quarrels between neighbours about water, drains, trees, rubbish, passages."),
  c("landDispute", I18n.text("Yer va chegara nizolari", "Ер ва чегара низолари", "Земельные споры и границы участков", "Land and boundary disputes"), "low", "preventionInspector",
    "Plot boundaries, seized land, unauthorised building; decided by the khokimiyat or a court.", { competentBody: hokimiyat }),
  c("weapons", I18n.text("Qurol", "Қурол", "Оружие", "Weapons"), "high", "seniorInspector",
    "Firearms, knives and other weapons: possession, carrying, display.", { flags: ["suspectedCrime"] }),
  c("illegalTrade", I18n.text("Noqonuniy savdo", "Ноқонуний савдо", "Незаконная торговля", "Illegal trade"), "normal", "preventionInspector",
    "Unlicensed or prohibited trade: alcohol or cigarettes to minors, night sales, counterfeit goods."),
  c("animals", I18n.text("Hayvonlar", "Ҳайвонлар", "Животные", "Animals"), "low", "preventionInspector",
    "Dangerous or stray dogs, cruelty to animals, livestock damaging crops."),
  c("officerComplaint", I18n.text("Xodim ustidan shikoyat", "Ходим устидан шикоят", "Жалоба на сотрудника", "Complaint about an officer"), "high", "districtChief",
    "Rudeness, inaction, bribery or abuse by an inspector or another officer; never handled by that officer.", { flags: ["officerComplaint"] }),
  c("legalHelp", I18n.text("Huquqiy yordam soʻrovi", "Ҳуқуқий ёрдам сўрови", "Запрос правовой помощи", "Request for legal help"), "low", "preventionInspector",
    "Questions about rights and procedures: the inspector gives a legal explanation."),
  c("socialSupport", I18n.text("Ijtimoiy yordam", "Ижтимоий ёрдам", "Социальная помощь", "Social support"), "low", "preventionInspector",
    "Benefits, pensions, disability, poverty: belongs to the social protection bodies.", {
      competentBody: I18n.text("Ijtimoiy himoya milliy agentligi (“Inson” markazi)", "Ижтимоий ҳимоя миллий агентлиги («Инсон» маркази)",
        "Национальное агентство социальной защиты (центр «Инсон»)", "National Agency for Social Protection (\"Inson\" centre)")
    }),
  c("housingUtilities", I18n.text("Uy-joy va kommunal xizmatlar", "Уй-жой ва коммунал хизматлар", "Жильё и коммунальные услуги", "Housing and utilities"), "low", "preventionInspector",
    "Gas, electricity, water, roads, lighting, housing: belongs to the khokimiyat and utility companies.", { competentBody: hokimiyat }),
  c("probation", I18n.text("Probatsiya va nazoratdagi shaxslar", "Пробация ва назоратдаги шахслар", "Пробация и поднадзорные лица", "Probation and supervised persons"), "normal", "probationInspector",
    "People on probation or administrative supervision, released prisoners."),
  c("proposal", I18n.text("Taklif", "Таклиф", "Предложение", "Proposal"), "low", "preventionInspector",
    "Proposals to improve public order or the inspector's work (taklif, ZRU-445)."),
  c("other", I18n.text("Boshqa", "Бошқа", "Прочее", "Other"), "normal", "preventionInspector",
    "Anything else; a person decides.")
]
