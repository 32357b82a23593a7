// The four messages of every error: one exhaustive table (the compiler refuses a code without its
// messages), kept apart from the error classes so that Errors.ts holds the catalogue itself.
import type * as Errors from "../Errors.js"
import * as I18n from "../I18n.js"

const problemText: Record<Errors.FieldProblem, I18n.Text> = {
  missing: I18n.text("majburiy maydon toʻldirilmagan", "мажбурий майдон тўлдирилмаган", "обязательное поле не заполнено", "required field is missing"),
  wrongType: I18n.text("qiymat turi notoʻgʻri", "қиймат тури нотўғри", "неверный тип значения", "value has the wrong type"),
  invalidValue: I18n.text("qiymat yaroqsiz", "қиймат яроқсиз", "недопустимое значение", "value is not valid"),
  notAllowed: I18n.text("bu maydon ruxsat etilmagan", "бу майдон рухсат этилмаган", "это поле не допускается", "this field is not allowed")
}

const expectedText = I18n.text("kutilgan", "кутилган", "ожидалось", "expected")

const refusalText: Record<Errors.RefusalReason, I18n.Text> = {
  roleNotAllowed: I18n.text("bu rol uchun ruxsat yoʻq", "бу рол учун рухсат йўқ", "эта роль не имеет права", "this role may not do it"),
  outsideJurisdiction: I18n.text("murojaat xizmat hududingizdan tashqarida", "мурожаат хизмат ҳудудингиздан ташқарида", "обращение вне вашей территории обслуживания", "the appeal is outside the territory you serve"),
  conflictOfInterest: I18n.text("manfaatlar toʻqnashuvi: shikoyat sizning ustingizdan", "манфаатлар тўқнашуви: шикоят сизнинг устингиздан", "конфликт интересов: жалоба на вас", "conflict of interest: the complaint is about you"),
  notAssignee: I18n.text("murojaat sizga biriktirilmagan", "мурожаат сизга бириктирилмаган", "обращение не назначено вам", "the appeal is not assigned to you"),
  notApplicant: I18n.text("faqat murojaat egasi qila oladi", "фақат мурожаат эгаси қила олади", "это может сделать только заявитель", "only the applicant may do it"),
  readOnly: I18n.text("faqat oʻqish huquqi bor", "фақат ўқиш ҳуқуқи бор", "доступ только для чтения", "read-only access"),
  officerInactive: I18n.text(
    "xodim maʼlumotnomada faol emas",
    "ходим маълумотномада фаол эмас",
    "сотрудник не активен в справочнике",
    "the officer is not active in the directory"
  ),
  claimsMismatch: I18n.text(
    "koʻrsatilgan rol yoki hudud maʼlumotnomaga mos emas",
    "кўрсатилган рол ёки ҳудуд маълумотномага мос эмас",
    "указанные роль или территория не совпадают со справочником",
    "the roles or territory given do not match the directory"
  )
}

const noCandidateText: Record<Errors.NoCandidateReason, I18n.Text> = {
  unknownMahalla: I18n.text("mahalla maʼlumotnomada bu tumanda yoʻq", "маҳалла маълумотномада бу туманда йўқ", "махалли нет в справочнике в этом районе", "the mahalla is not in the directory in this district"),
  noOfficerServesMahalla: I18n.text("mahallaga hech kim xizmat koʻrsatmaydi", "маҳаллага ҳеч ким хизмат кўрсатмайди", "махаллю никто не обслуживает", "nobody serves the mahalla"),
  noOfficerWithRole: I18n.text("kerakli lavozimdagi xodim yoʻq", "керакли лавозимдаги ходим йўқ", "нет сотрудника нужной должности", "nobody holds the required role"),
  noneOnDuty: I18n.text("navbatchilikda hech kim yoʻq", "навбатчиликда ҳеч ким йўқ", "никого нет на службе", "nobody is on duty"),
  conflictOfInterest: I18n.text("barchasida manfaatlar toʻqnashuvi bor", "барчасида манфаатлар тўқнашуви бор", "у всех конфликт интересов", "every officer on duty has a conflict of interest"),
  onlyCurrentAssignee: I18n.text("hozirgi ijrochidan boshqa hech kim yoʻq", "ҳозирги ижрочидан бошқа ҳеч ким йўқ", "никого, кроме текущего исполнителя", "nobody but the current assignee")
}

type Table = { readonly [K in Errors.Code]: (e: Extract<Errors.MurojaatError, { _tag: K }>) => I18n.Text }

const issueLine = (i: Errors.FieldIssue, l: I18n.Locale) =>
  `${i.path || "(root)"}: ${problemText[i.problem][l]}${i.expected ? ` (${expectedText[l]} ${i.expected})` : ""}`

export const table: Table = {
  InvalidInput: (e) => {
    const lines = (l: I18n.Locale) => e.issues.map((i) => issueLine(i, l)).join("; ")
    return I18n.text(
      `${e.subject} maʼlumotlari notoʻgʻri: ${lines("uz-Latn")}`,
      `${e.subject} маълумотлари нотўғри: ${lines("uz-Cyrl")}`,
      `Неверные данные ${e.subject}: ${lines("ru")}`,
      `Invalid ${e.subject}: ${lines("en")}`
    )
  },
  InvalidTransition: (e) =>
    I18n.text(
      `${e.state} holatidagi ${e.appealId} murojaati uchun ${e.command} buyrugʻi mumkin emas`,
      `${e.state} ҳолатидаги ${e.appealId} мурожаати учун ${e.command} буйруғи мумкин эмас`,
      `Команда ${e.command} невозможна для обращения ${e.appealId} в состоянии ${e.state}`,
      `Command ${e.command} is not possible for appeal ${e.appealId} in state ${e.state}`
    ),
  NotAuthorized: (e) =>
    I18n.text(
      `Ruxsat yoʻq: ${e.actor} ${e.command} qila olmaydi (${refusalText[e.reason]["uz-Latn"]})`,
      `Рухсат йўқ: ${e.actor} ${e.command} қила олмайди (${refusalText[e.reason]["uz-Cyrl"]})`,
      `Нет прав: ${e.actor} не может выполнить ${e.command} (${refusalText[e.reason].ru})`,
      `Not authorized: ${e.actor} may not ${e.command} (${refusalText[e.reason].en})`
    ),
  RuleViolation: (e) =>
    I18n.text(
      `${e.rule} qoidasi (${e.source}) ${e.appealId} murojaati uchun buni taqiqlaydi`,
      `${e.rule} қоидаси (${e.source}) ${e.appealId} мурожаати учун буни тақиқлайди`,
      `Правило ${e.rule} (${e.source}) запрещает это для обращения ${e.appealId}`,
      `Rule ${e.rule} (${e.source}) refuses this for appeal ${e.appealId}`
    ),
  AppealNotFound: (e) =>
    I18n.text(
      `Murojaat topilmadi: ${e.appealId}`,
      `Мурожаат топилмади: ${e.appealId}`,
      `Обращение не найдено: ${e.appealId}`,
      `Appeal not found: ${e.appealId}`
    ),
  VersionConflict: (e) =>
    I18n.text(
      `${e.appealId} murojaati shu orada oʻzgardi: ${e.expected}-versiya kutilgan, ${e.actual} topildi`,
      `${e.appealId} мурожаати шу орада ўзгарди: ${e.expected}-версия кутилган, ${e.actual} топилди`,
      `Обращение ${e.appealId} изменилось: ожидалась версия ${e.expected}, найдена ${e.actual}`,
      `Appeal ${e.appealId} changed meanwhile: expected version ${e.expected}, found ${e.actual}`
    ),
  IdempotencyConflict: (e) =>
    I18n.text(
      `${e.key} kaliti avval boshqa soʻrov bilan ishlatilgan`,
      `${e.key} калити аввал бошқа сўров билан ишлатилган`,
      `Ключ ${e.key} уже использован с другим запросом`,
      `Idempotency key ${e.key} was already used with a different request`
    ),
  OfficerNotFound: (e) =>
    I18n.text(
      `Xodim maʼlumotnomada topilmadi: ${e.officerId}`,
      `Ходим маълумотномада топилмади: ${e.officerId}`,
      `Сотрудник не найден в справочнике: ${e.officerId}`,
      `Officer not found in the directory: ${e.officerId}`
    ),
  NoEligibleInspector: (e) =>
    I18n.text(
      `${e.mahallaCode} mahallasida ${e.appealId} murojaati uchun mos inspektor yoʻq (${noCandidateText[e.reason]["uz-Latn"]}): u ${e.districtCode} tuman boshligʻi navbatiga oʻtadi`,
      `${e.mahallaCode} маҳалласида ${e.appealId} мурожаати учун мос инспектор йўқ (${noCandidateText[e.reason]["uz-Cyrl"]}): у ${e.districtCode} туман бошлиғи навбатига ўтади`,
      `Нет подходящего инспектора для обращения ${e.appealId} в махалле ${e.mahallaCode} (${noCandidateText[e.reason].ru}): оно передаётся в очередь начальника района ${e.districtCode}`,
      `No eligible inspector for appeal ${e.appealId} in mahalla ${e.mahallaCode} (${noCandidateText[e.reason].en}): it goes to the district chief's queue of ${e.districtCode}`
    ),
  InvalidCalendar: (e) => {
    const lines = (l: I18n.Locale) => e.issues.map((i) => `${issueLine(i, l)} (${i.detail})`).join("; ")
    return I18n.text(
      `${e.calendar} taqvimi notoʻgʻri: ${lines("uz-Latn")}`,
      `${e.calendar} тақвими нотўғри: ${lines("uz-Cyrl")}`,
      `Неверный календарь ${e.calendar}: ${lines("ru")}`,
      `Invalid calendar ${e.calendar}: ${lines("en")}`
    )
  },
  StoreError: (e) => {
    const retry = e.isRetryable
    return I18n.text(
      `${e.port} ishlamadi (${e.reason})${retry ? ", keyinroq qayta urinib koʻring" : ""}`,
      `${e.port} ишламади (${e.reason})${retry ? ", кейинроқ қайта уриниб кўринг" : ""}`,
      `Сбой ${e.port} (${e.reason})${retry ? ", повторите позже" : ""}`,
      `${e.port} failed (${e.reason})${retry ? ", try again later" : ""}`
    )
  },
  InternalError: (e) =>
    I18n.text(
      `${e.operation} bajarilishida ichki xato: iltimos, xabar bering`,
      `${e.operation} бажарилишида ички хато: илтимос, хабар беринг`,
      `Внутренняя ошибка в ${e.operation}: сообщите о ней`,
      `Internal error in ${e.operation}: please report it`
    )
}

export const messages = (e: Errors.MurojaatError): I18n.Text => (table[e._tag] as (e: Errors.MurojaatError) => I18n.Text)(e)
