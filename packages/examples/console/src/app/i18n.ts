/**
 * The console's own words in the four languages of the API (uz-Latn, uz-Cyrl, ru, en). Status
 * names and error messages are not here: they come from the API itself (`statusName`, problem
 * `detail`), in the language the console asks for with `Accept-Language`.
 *
 * @example
 * import { t } from "./i18n.js"
 * t("ru", "worklist") // "Рабочий список"
 */
import type { Locale } from "./api.js"

/** The locales, with their names as shown in the language switch. */
export const locales: ReadonlyArray<readonly [Locale, string]> = [
  ["uz-Latn", "Oʻzbekcha"],
  ["uz-Cyrl", "Ўзбекча"],
  ["ru", "Русский"],
  ["en", "English"]
]

const words = {
  title: ["Murojaat konsoli", "Мурожаат консоли", "Консоль «Мурожаат»", "Murojaat console"],
  language: ["Til", "Тил", "Язык", "Language"],
  signIn: ["Kirish", "Кириш", "Войти", "Sign in"],
  signOut: ["Chiqish", "Чиқиш", "Выйти", "Sign out"],
  token: ["Kirish tokeni", "Кириш токени", "Токен доступа", "Access token"],
  tokenHelp: [
    "Xizmat ishga tushganda chiqargan ishlab chiqish tokenini qoʻying.",
    "Хизмат ишга тушганда чиқарган ишлаб чиқиш токенини қўйинг.",
    "Вставьте токен разработки, который сервис напечатал при запуске.",
    "Paste a development token the service printed when it started."
  ],
  oidc: ["Tashkilot hisobi bilan kirish", "Ташкилот ҳисоби билан кириш", "Войти через учётную запись организации", "Sign in with the organisation's account"],
  signedInAs: ["Kirgan:", "Кирган:", "Вход выполнен:", "Signed in as"],
  worklist: ["Ish roʻyxati", "Иш рўйхати", "Рабочий список", "Worklist"],
  newAppeal: ["Yangi murojaat", "Янги мурожаат", "Новое обращение", "New appeal"],
  appeal: ["Murojaat", "Мурожаат", "Обращение", "Appeal"],
  status: ["Holat", "Ҳолат", "Статус", "Status"],
  priority: ["Muhimlik", "Муҳимлик", "Приоритет", "Priority"],
  category: ["Toifa", "Тоифа", "Категория", "Category"],
  priorityUrgent: ["shoshilinch", "шошилинч", "срочный", "urgent"],
  priorityHigh: ["yuqori", "юқори", "высокий", "high"],
  priorityNormal: ["oddiy", "оддий", "обычный", "normal"],
  priorityLow: ["past", "паст", "низкий", "low"],
  mahalla: ["Mahalla", "Маҳалла", "Махалля", "Mahalla"],
  deadline: ["Muddat", "Муддат", "Срок", "Deadline"],
  badgeOverdue: ["muddati oʻtgan", "муддати ўтган", "просрочено", "overdue"],
  badgeSoon: ["muddati yaqin", "муддати яқин", "срок близко", "due soon"],
  badgeDue: ["muddatida", "муддатида", "в срок", "due"],
  empty: ["Hech narsa yoʻq.", "Ҳеч нарса йўқ.", "Ничего нет.", "Nothing here."],
  text: ["Matn", "Матн", "Текст", "Text"],
  triage: ["Tasniflash", "Таснифлаш", "Классификация", "Triage"],
  clocks: ["Muddatlar", "Муддатлар", "Сроки", "Clocks"],
  history: ["Tarix", "Тарих", "История", "History"],
  links: ["Bogʻliq murojaatlar", "Боғлиқ мурожаатлар", "Связанные обращения", "Link suggestions"],
  commands: ["Buyruqlar", "Буйруқлар", "Команды", "Commands"],
  send: ["Yuborish", "Юбориш", "Отправить", "Send"],
  done: ["Bajarildi", "Бажарилди", "Выполнено", "Done"],
  stale: [
    "Sahifa eskirgan: murojaat boshqa joyda oʻzgardi. Yangilang va qayta urinib koʻring.",
    "Саҳифа эскирган: мурожаат бошқа жойда ўзгарди. Янгиланг ва қайта уриниб кўринг.",
    "Страница устарела: обращение изменено в другом месте. Обновите и повторите.",
    "This page is stale: the appeal changed elsewhere. Reload it and try again."
  ],
  reload: ["Yangilash", "Янгилаш", "Обновить", "Reload"],
  back: ["Orqaga", "Орқага", "Назад", "Back"],
  open: ["Ochish", "Очиш", "Открыть", "Open"],
  rule: ["Qoida", "Қоида", "Правило", "Rule"],
  source: ["Huquqiy asos", "Ҳуқуқий асос", "Правовое основание", "Legal source"],
  event: ["Hodisa", "Ҳодиса", "Событие", "Event"],
  when: ["Vaqt", "Вақт", "Время", "When"],
  who: ["Kim", "Ким", "Кто", "Who"],
  chainOk: ["Zanjir brauzerda tekshirildi: butun", "Занжир браузерда текширилди: бутун", "Цепочка проверена в браузере: цела", "Chain verified in this browser: intact"],
  chainBroken: ["Zanjir buzilgan", "Занжир бузилган", "Цепочка нарушена", "Chain broken"],
  eventChanged: ["oʻzgartirilgan", "ўзгартирилган", "изменено", "changed"],
  eventOk: ["butun", "бутун", "цело", "intact"],
  serverSays: ["Server tekshiruvi", "Сервер текшируви", "Проверка сервера", "The server's check"],
  masked: ["Shaxsiy maʼlumotlar yashirilgan (siyosat boʻyicha)", "Шахсий маълумотлар яширилган (сиёсат бўйича)", "Персональные данные скрыты (по политике доступа)", "Personal data masked (access policy)"],
  appealId: ["Murojaat raqami", "Мурожаат рақами", "Номер обращения", "Appeal id"],
  show: ["Koʻrsatish", "Кўрсатиш", "Показать", "Show"],
  overdueList: ["Tumanning muddati oʻtganlari", "Туманнинг муддати ўтганлари", "Просроченные в районе", "The district's overdue appeals"],
  approvals: ["Tasdiqlash kutilayotganlar", "Тасдиқлаш кутилаётганлар", "Ожидают утверждения", "Awaiting approval"],
  ratings: ["Boʻlinmalar reytingi", "Бўлинмалар рейтинги", "Рейтинг подразделений", "Unit ratings"],
  hotspots: ["Mahallalar boʻyicha qaynoq nuqtalar", "Маҳаллалар бўйича қайноқ нуқталар", "Очаги по махаллям", "Hotspots per mahalla"],
  period: ["Davr", "Давр", "Период", "Period"],
  count: ["Soni", "Сони", "Количество", "Count"],
  rank: ["Daraja", "Даража", "Ранг", "Rank"],
  unit: ["Boʻlinma", "Бўлинма", "Подразделение", "Unit"],
  reassign: ["Qayta biriktirish", "Қайта бириктириш", "Переназначить", "Reassign"],
  audit: ["Audit", "Аудит", "Аудит", "Audit"],
  readOnly: ["Faqat oʻqish", "Фақат ўқиш", "Только чтение", "Read only"],
  recent: ["Soʻnggi murojaatlar", "Сўнгги мурожаатлар", "Последние обращения", "Recent appeals"],
  applicant: ["Murojaatchi", "Мурожаатчи", "Заявитель", "Applicant"],
  surname: ["Familiya", "Фамилия", "Фамилия", "Surname"],
  name: ["Ism", "Исм", "Имя", "Name"],
  residence: ["Yashash joyi", "Яшаш жойи", "Место жительства", "Residence"],
  phone: ["Telefon", "Телефон", "Телефон", "Phone"],
  kind: ["Turi", "Тури", "Вид", "Kind"],
  form: ["Shakli", "Шакли", "Форма", "Form"],
  channel: ["Kanal", "Канал", "Канал", "Channel"],
  consent: ["Shaxsiy maʼlumotlarga rozilik olindi", "Шахсий маълумотларга розилик олинди", "Согласие на обработку персональных данных получено", "Consent to personal data processing obtained"],
  submitted: ["Roʻyxatga olindi", "Рўйхатга олинди", "Зарегистрировано", "Registered"],
  explanation: ["Izoh", "Изоҳ", "Пояснение", "Explanation"],
  skipTo: ["Asosiy qismga oʻtish", "Асосий қисмга ўтиш", "Перейти к содержимому", "Skip to content"],
  loading: ["Yuklanmoqda…", "Юкланмоқда…", "Загрузка…", "Loading…"],
  none: ["yoʻq", "йўқ", "нет", "none"],
  inspector: ["inspektor", "инспектор", "инспектор", "inspector"],
  chief: ["rahbar", "раҳбар", "руководитель", "chief"],
  auditor: ["auditor", "аудитор", "аудитор", "auditor"],
  applicant_: ["murojaatchi", "мурожаатчи", "заявитель", "applicant"],
  similarElsewhere: ["Koʻra olmaydigan oʻxshash murojaatlar", "Кўра олмайдиган ўхшаш мурожаатлар", "Похожие обращения вне вашего доступа", "Similar appeals you may not read"]
} as const

// The columns of the analytics reports (UnitRating rows, Hotspots cells), as the chief reads them.
const columns = {
  level: ["Daraja", "Даража", "Уровень", "Level"],
  code: ["Birlik", "Бирлик", "Подразделение", "Unit"],
  category: ["Toifa", "Тоифа", "Категория", "Category"],
  registered: ["Roʻyxatga olingan", "Рўйхатга олинган", "Зарегистрировано", "Registered"],
  answered: ["Javob berilgan", "Жавоб берилган", "Дан ответ", "Answered"],
  satisfied: ["Qanoatlantirilgan", "Қаноатлантирилган", "Удовлетворено", "Satisfied"],
  explained: ["Tushuntirilgan", "Тушунтирилган", "Разъяснено", "Explained"],
  rejected: ["Rad etilgan", "Рад этилган", "Отказано", "Rejected"],
  violated: ["Muddati buzilgan", "Муддати бузилган", "С нарушением срока", "Past the term"],
  repeated: ["Takroriy", "Такрорий", "Повторные", "Repeated"],
  rated: ["Baholangan", "Баҳоланган", "Оценено", "Rated"],
  ratingSum: ["Baholar yigʻindisi", "Баҳолар йиғиндиси", "Сумма оценок", "Sum of ratings"],
  current: ["Joriy davr", "Жорий давр", "Текущий период", "This period"],
  previous: ["Oldingi davr", "Олдинги давр", "Предыдущий период", "Previous period"],
  currentPerDay: ["Kuniga (joriy)", "Кунига (жорий)", "В день (текущий)", "Per day (this)"],
  previousPerDay: ["Kuniga (oldingi)", "Кунига (олдинги)", "В день (предыдущий)", "Per day (previous)"],
  share: ["Ulush", "Улуш", "Доля", "Share"],
  ratio: ["Nisbat", "Нисбат", "Отношение", "Ratio"],
  pValue: ["p-qiymat", "p-қиймат", "p-значение", "p-value"],
  qValue: ["q-qiymat", "q-қиймат", "q-значение", "q-value"],
  rise: ["Oʻsish", "Ўсиш", "Рост", "Rise"]
} as const

/**
 * The heading of an analytics report's column in a locale; a column not listed keeps its name.
 *
 * @example
 * import { column } from "./i18n.js"
 * column("ru", "answered") // "Дан ответ"
 */
export const column = (locale: Locale, name: string): string =>
  Object.hasOwn(columns, name) ? columns[name as keyof typeof columns][index[locale]]! : name

/** A word of the console. */
export type Word = keyof typeof words

const index: Readonly<Record<Locale, number>> = { "uz-Latn": 0, "uz-Cyrl": 1, ru: 2, en: 3 }

/**
 * A word in a locale.
 *
 * @example
 * import { t } from "./i18n.js"
 * t("uz-Cyrl", "signIn") // "Кириш"
 */
export const t = (locale: Locale, word: Word): string => words[word][index[locale]]!

/**
 * Whether a string is one of the four locales.
 *
 * @example
 * import { isLocale } from "./i18n.js"
 * isLocale("ru") // true
 */
export const isLocale = (s: unknown): s is Locale => s === "uz-Latn" || s === "uz-Cyrl" || s === "ru" || s === "en"
