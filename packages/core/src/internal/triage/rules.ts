/**
 * The default triage rules, as data. Words are stems in any script (see `Taxonomy.Pattern`): a word
 * matches every word of the text that begins with it, `=word` matches only the whole word. Shared
 * word lists below keep the rules short and consistent; docs/rules/triage.md lists every rule expanded.
 */
import type { Rule } from "../../Taxonomy.js"

// --- shared vocabularies -----------------------------------------------------------------------

/** Hitting and beating, Uzbek and Russian. */
const violence = [
  "=urdi", "=urib", "=uradi", "=urgan", "=uryapti", "=urishdi", "=urmoqda", "=uraman", "=urishyapti", "kaltak", "doʻpposla", "musht",
  "tepdi", "tepib", "tepyapti", "=boʻgʻdi", "boʻgʻib", "boʻgʻmoqchi", "jarohat", "tan jarohat", "zoʻravon", "qiynoq", "qiyna", "sochimdan",
  "избил", "избив", "избиен", "побил", "побои", "ударил", "=бьёт", "=бьет", "=бьют", "=бил", "=била", "душил", "задуш", "пинал", "насили", "истяза"
]
/** Spouse and relatives (context for domestic violence). */
const family = [
  "=erim", "erimning", "erimdan", "erimga", "=eri", "=erini", "=erining", "turmush oʻrtogʻ", "xotin", "rafiqa", "qaynona", "qaynota", "qayin",
  "=kelin", "kelinim", "kelini", "kelinni", "kelinga", "kelinlar", "kuyov", "куёв", "oʻgay", "=otam", "=otasi", "=onam", "=onasi", "oilam", "oilasi", "=oila", "uyda",
  "=муж", "=мужа", "=мужем", "=мужу", "=жена", "=жену", "=женой", "=жены", "свекров", "свекр", "сожител", "отчим", "мачех", "=зять", "=отец", "=мать", "=брат", "семь", "дома"
]
/** Children. */
const child = [
  "=bola", "=bolam", "bolamni", "bolamga", "bolamiz", "bolalar", "bolani", "bolaga", "bolasi", "farzand", "goʻdak", "chaqaloq", "oʻgʻil", "oʻgʻl", "=qizim",
  "=qizimni", "=qizimga", "qizcha", "=qizi", "=qizini", "oʻquvchi", "oʻsmir", "voyaga yetmagan", "nevara",
  "ребен", "ребён", "=дети", "=детей", "=детям", "=детьми", "=сын", "=сына", "=сыну", "=сыном", "дочь", "дочк", "дочер", "школьни", "подрост",
  "несовершеннолет", "малолет", "внук", "внучк", "малыш"
]
/** People (context for a missing person). */
const person = [
  ...child, "=ukam", "=akam", "=erim", "=eri", "=otam", "=onam", "=akam", "=opam", "singlim", "buvim", "bobom", "kishi", "odam", "=qiz", "yigit", "=муж", "=отец", "=мать",
  "=брат", "сестр", "бабушк", "дедушк", "человек", "парень", "девушк", "=ona", "=ota", "qarindosh", "родствен", "keksa", "пожил", "jiyan", "племян"
]
/** Officers. */
const officer = [
  "inspektor", "uchastkovoy", "profilaktika inspektor", "militsiya", "militsioner", "politsiya", "=iib", "ichki ishlar", "=ioʻb", "xodim", "=mayor", "=kapitan", "leytenant",
  "инспектор", "участков", "милиц", "полиц", "сотрудник", "=овд", "=рувд", "=увд", "=гувд", "=мвд"
]

const ages = Array.from({ length: 17 }, (_, i) => i + 1).flatMap((n) => [`=${n} yosh`, `=${n} ёш`, `=${n} лет`, `=${n} годик`])

// --- the rules ---------------------------------------------------------------------------------

export const defaultRules: ReadonlyArray<Rule> = [
  // Words that name a category outright. Urgency is not decided here: the urgency cues and rules
  // (cues.ts) do that, for every category.
  {
    id: "violence.kill", category: "threatsViolence", weight: 3, flags: ["threatToSafety", "suspectedCrime"],
    match: ["oʻldir", "oʻldiraman", "soʻyaman", "soʻyib tashla", "jonimga qasd", "joniga qasd qil", "жонига", "=убью", "=убить", "=убьёт", "=убьет", "убийств", "убьют", "зарежу", "=прибью", "пристрел", "застрел", "зареж", "прирежу", "прирежет", "=убей"],
    note: "A threat to kill or an attempt on someone's life.", examples: ["Qoʻshnim meni oʻldiraman deb qoʻrqitdi", "Муж сказал, что убьет меня", "Эрим мени ўлдираман деяпти"],
    source: "Criminal Code Art. 112 (threat of murder)"
  },
  {
    id: "weapons.named", flags: ["suspectedCrime"], category: "weapons", weight: 3,
    match: ["pichoq", "pichogʻ", "qurol", "miltiq", "miltigʻ", "toʻpponcha", "=bolta", "=boltasi", "boltani", "boltasini", "=tesha", "granata", "portlovchi", "ov miltigʻ", "oʻq otdi", "oʻq uzdi", "travmatik",
      "=нож", "=ножом", "=ножа", "=ножи", "=ножик", "пистолет", "ружье", "ружьё", "ружья", "ружьем", "ружьём", "оружи", "травмат", "обрез", "граната", "гранату", "взрывчат", "стрелял", "выстрел", "=топор", "=топором", "кастет", "=бита", "=битой", "арматур"],
    unless: ["oshxona pichogʻi", "ov qilish uchun ruxsat", "разрешение на охотничье"],
    note: "A weapon is mentioned (knife, firearm, axe, explosive).", examples: ["Qoʻshnim pichoq bilan qoʻrqitdi", "У соседа есть незарегистрированное ружье", "Ҳовлида милтиқ бор"],
    source: "Criminal Code Art. 247-248 (weapons)"
  },
  {
    id: "minors.harm", flags: ["minorInvolved"], category: "minors", weight: 2,
    match: [...violence, "tashlab ketdi", "tashlab ketgan", "och qol", "ovqatsiz", "qarovsiz", "yolgʻiz qol", "qamab qoʻy", "qamal", "одни дома", "один дома", "одна дома", "запира", "запер", "zoʻrla", "jinsiy", "shilqim", "oʻgʻirlab ket", "ishlatyapti", "tilanchilik", "бросил", "брошен", "голодн", "заперт", "похит", "домогат", "растлен", "приставал", "попрошайнич", "без присмотра"],
    context: child,
    note: "A child is harmed, abandoned, locked up, abused or kidnapped.", examples: ["Oʻgay otasi bolani har kuni uradi", "Соседи бросили детей без присмотра, дети голодные"],
    source: "Law on guarantees of the rights of the child; Criminal Code Art. 126-1 (children added in 2024)"
  },

  // Domestic violence (ZRU-561 of 2019; Criminal Code Art. 126-1 since ZRU-829 of 2023).
  {
    id: "dv.violence", category: "domesticViolence", weight: 3, flags: ["domesticViolence", "suspectedCrime"],
    match: violence, context: family,
    note: "Violence by a spouse or relative.", examples: ["Erim meni har kuni uradi", "Муж избивает меня при детях", "Қайнонам ва эрим мени калтаклашди"],
    source: "ZRU-561 (2019); Criminal Code Art. 126-1"
  },
  {
    id: "dv.threat", category: "domesticViolence", weight: 4, flags: ["domesticViolence", "suspectedCrime"],
    match: ["oʻldir", "soʻyaman", "tahdid", "qoʻrqit", "poʻpisa", "=убью", "=убить", "убьет", "убьёт", "зарежу", "угрож", "угроз", "запугив"],
    context: family,
    note: "Threats (to kill or otherwise) by a spouse or relative.", examples: ["Erim pichoq bilan oʻldiraman deb qoʻrqitdi", "Муж угрожает убить меня"],
    source: "ZRU-561 (2019); Criminal Code Art. 112, 126-1"
  },
  {
    id: "dv.named", category: "domesticViolence", weight: 3, flags: ["domesticViolence"],
    match: ["oiladagi zoʻravonlik", "oilaviy zoʻravonlik", "maishiy zoʻravonlik", "himoya order", "домашн насили", "насилие в семье", "семейн насили", "охранн ордер", "защитн ордер", "тазйиқ"],
    negatable: false,
    note: "Domestic violence or a protection order named as such.", examples: ["Menga himoya orderi kerak", "Прошу выдать охранный ордер"],
    source: "ZRU-561 (2019), protection order"
  },
  {
    id: "dv.oppression", category: "domesticViolence", weight: 2, flags: ["domesticViolence"],
    match: ["tazyiq", "kamsit", "uydan haydab", "uydan haydadi", "uydan quvib", "haqorat", "ruhiy", "pulsiz qoldir", "тазйиқ", "унижа", "выгнал из дома", "выгоняет", "оскорбля", "психологическ"],
    context: family,
    note: "Oppression, humiliation, threats or eviction by a spouse or relative.", examples: ["Qaynonam meni kamsitib uydan haydab yubordi", "Муж постоянно унижает и выгоняет из дома"],
    source: "ZRU-561 (2019) Art. 3 (forms of violence)"
  },

  // Family conflict without reported violence.
  {
    id: "family.divorce", category: "familyConflict", weight: 2,
    match: ["ajrash", "ajral", "nikoh", "aliment", "талоқ", "taloq", "алимент", "развод", "брак", "=janjal", "janjallash", "urishib qol", "urush", "келишмовчилик", "kelishmovchilik", "=ssor", "ссор", "скандал", "конфликт"],
    context: family,
    note: "Divorce, alimony, quarrels within a family.", examples: ["Erim bilan ajrashmoqchimiz, aliment toʻlamayapti", "Постоянные ссоры с мужем и свекровью"],
    source: "Family Code (divorce, alimony); ZRU-561 (2019) tells conflict from violence"
  },
  {
    id: "family.named", category: "familyConflict", weight: 2,
    match: ["oilaviy nizo", "oila nizo", "oilaviy janjal", "oilada nizo", "oilamizda", "семейн конфликт", "в семье конфликт", "kelin bilan", "qaynonam bilan", "er-xotin"],
    note: "A family conflict named as such.", examples: ["Oilaviy nizo boʻyicha murojaat qilaman"],
    source: "Family Code; ZRU-561 (2019) tells conflict from violence"
  },

  // Threats and violence outside the family.
  {
    id: "violence.threat", category: "threatsViolence", weight: 2, flags: ["suspectedCrime"],
    match: ["tahdid", "qoʻrqit", "poʻpisa", "угрож", "угроз", "запугив", "шантаж", "shantaj"],
    note: "Threats and intimidation.", examples: ["Bir guruh yigitlar menga tahdid qilyapti", "Мне угрожают по телефону"],
    source: "Criminal Code Art. 112 (threat)"
  },
  {
    id: "violence.beating", category: "threatsViolence", weight: 2, flags: ["suspectedCrime"],
    match: [...violence, "mushtlashuv", "urish", "urush", "tan jarohati", "драк", "подрал", "дерутся", "=напал", "напали", "hujum qil"],
    note: "Beatings, fights, bodily harm.", examples: ["Koʻchada notanish yigit meni urib ketdi", "Вчера на меня напали и избили"],
    source: "Criminal Code Art. 104-109 (bodily harm)"
  },

  // Theft and property.
  {
    id: "theft.stolen", category: "theftProperty", weight: 3, flags: ["suspectedCrime"],
    match: ["oʻgʻirla", "oʻgʻirlik", "oʻgʻri", "talon", "bosqin", "tortib ol", "tortib ket", "uyimga kir", "buzib kir", "ugon", "украл", "украд", "украли", "кража", "краж", "=вор", "=воры", "=вора", "ограб", "угнал", "угон", "взлом", "грабеж", "грабёж", "похитил"],
    unless: ["oʻgʻirlab ketishdi bolani", "ребенка похит"],
    note: "Theft, burglary, robbery.", examples: ["Kecha uyimdan oltin taqinchoqlar oʻgʻirlandi", "У меня украли телефон на базаре"],
    source: "Criminal Code Art. 169 (theft), 164-166"
  },
  {
    id: "theft.taken", category: "theftProperty", weight: 1.5, flags: ["suspectedCrime"],
    match: ["olib ket", "olib qoch", "chiqarib olish", "sindirib kir", "qulfni buz", "qulfni sindir", "унесли", "вынесли", "утащили", "вытащили", "стащил", "вскрыли"],
    note: "Things taken away, pockets picked, locks broken.", examples: ["Hovlidagi quvurlarni olib ketishdi", "Вскрыли замок сарая"],
    source: "Criminal Code Art. 169 (theft)"
  },
  {
    id: "theft.damage", category: "theftProperty", weight: 2, flags: ["suspectedCrime"],
    match: ["sindir", "zarar yetkaz", "shikast yetkaz", "oʻt qoʻy", "yondir", "buzib tashla", "teshib", "teshdi", "tirna", "проколол", "поцарапал", "повредил", "поврежд", "разбил", "поджог", "поджёг", "подожгл", "испортил"],
    context: ["mashina", "avtomobil", "oyna", "derazа", "deraza", "eshik", "darvoza", "mulk", "uy", "машин", "автомобил", "стекл", "окн", "=дверь", "имуществ", "ворот"],
    note: "Damage to property (cars, windows, gates).", examples: ["Mashinamning oynasini sindirib ketishdi", "Подожгли машину во дворе"],
    source: "Criminal Code Art. 173 (damage to property)"
  },

  // Fraud.
  {
    id: "fraud.named", category: "fraud", weight: 3, flags: ["suspectedCrime"],
    match: ["firib", "aldab", "aldadi", "aldov", "aldash", "алдаб", "мошен", "обман", "развели", "афер", "фишинг", "fishing"],
    note: "Fraud or deception for money.", examples: ["Internetda firibgarlar pulimni aldab olishdi", "Мошенники обманули мою маму"],
    source: "Criminal Code Art. 168 (fraud)"
  },
  {
    id: "fraud.card", category: "fraud", weight: 2, flags: ["suspectedCrime"],
    match: ["plastik karta", "karta", "sms kod", "=kod", "kodni", "oldindan toʻla", "pul oʻtkaz", "ссылк", "данные карт", "выиграл", "=приз", "yutib ol", "yutuq", "click", "payme", "telegram", "onlayn", "internet", "карт", "=код", "смс", "предоплат", "перевел", "перевёл", "перевела", "списал", "olx"],
    context: ["pul", "puli", "pulim", "soʻm", "mablagʻ", "yechib", "yechil", "деньг", "сум", "сняли", "списа", "=перевел", "оплат", "toʻla", "sotib ol", "купил", "pulimni"],
    note: "Card, SMS-code, prepayment and online-shopping fraud.", examples: ["Kartamdan 3 million soʻm yechib olishdi", "Перевел предоплату за телефон на OLX, продавец пропал"],
    source: "Criminal Code Art. 168 (fraud)"
  },
  {
    id: "fraud.promise", category: "fraud", weight: 2, flags: ["suspectedCrime"],
    match: ["beraman deb", "qilib beraman", "обещал", "якобы", "=deb aldab", "ishonib"],
    context: ["pul", "puli", "pulim", "pulni", "dollar", "soʻm", "деньг", "доллар", "сум"],
    note: "Money taken against a promise (a job, a flat, a service) that was not kept.", examples: ["Ishga joylab beraman deb pul oldi"],
    source: "Criminal Code Art. 168 (fraud)"
  },
  {
    id: "fraud.debt", category: "fraud", weight: 2,
    match: ["qarz", "qarzini", "долг", "=займ", "=занял", "в долг", "кредит", "kredit"],
    context: ["qaytarmay", "bermay", "qaytarma", "=bermadi", "не возвращ", "не верну", "не отдает", "не отдаёт", "qochib", "скрыва"],
    note: "Money borrowed and not returned (may be civil: a person decides).", examples: ["Qoʻshnim qarzini qaytarmayapti"],
    source: "Civil Code (loans); Criminal Code Art. 168 when the money was taken by deceit"
  },

  // Public order and noise.
  {
    id: "order.noise", category: "publicOrder", weight: 2,
    match: ["shovqin", "baland ovoz", "musiqa", "karnay", "=toʻy", "toʻyxona", "шум", "громк", "музык", "=орут", "кричат", "=крик", "вечеринк", "gʻala-gʻovur"],
    note: "Noise and loud music.", examples: ["Qoʻshnilar har kuni kechasi baland ovozda musiqa qoʻyadi", "Соседи шумят по ночам"],
    source: "Code of Administrative Responsibility Art. 183 (petty hooliganism)"
  },
  {
    id: "order.night", category: "publicOrder", weight: 1,
    match: ["kechasi", "kechalari", "tunda", "yarim tun", "tungi", "ночью", "по ночам", "ночам", "после 23", "после 22"],
    context: ["shovqin", "baland", "musiqa", "qichqir", "bezori", "yigʻil", "toʻplan", "шум", "громк", "музык", "крич", "собира", "хулига"],
    note: "Disturbance at night.", examples: ["Tunda yoshlar yigʻilib qichqirishadi"],
    source: "Code of Administrative Responsibility Art. 183 (petty hooliganism)"
  },
  {
    id: "order.hooligan", category: "publicOrder", weight: 2,
    match: ["bezori", "xuligan", "хулига", "soʻkin", "soʻkib", "haqorat", "tartibsizlik", "jamoat joy", "jamoat tartib", "матер", "нецензур", "оскорб", "общественн порядок", "общественном месте", "tinchlikni buz", "tinchimizni", "=покой", "dahanaki"],
    note: "Hooliganism, swearing, insults, disorder in public.", examples: ["Bekatda yigitlar soʻkinib, odamlarga tegajoqlik qilishadi"],
    source: "Code of Administrative Responsibility Art. 183"
  },
  {
    id: "order.gathering", category: "publicOrder", weight: 1,
    match: ["yigʻil", "toʻplan", "toʻda", "компани", "собира", "толп", "тусуют"],
    context: ["yoshlar", "yigit", "bezori", "kechasi", "tunda", "подрост", "молодеж", "молодёж", "парн", "ночью", "ichib", "пьют"],
    note: "Groups gathering and disturbing.", examples: ["Har kecha yoshlar yigʻilib ichishadi"],
    source: "Code of Administrative Responsibility Art. 183 (petty hooliganism)"
  },

  // Alcohol and drugs.
  {
    id: "drugs.named", category: "alcoholDrugs", weight: 3, flags: ["suspectedCrime"],
    match: ["giyohvand", "narko", "нарко", "притон", "шприц", "shprits", "nashani", "nasha chek", "nashavand", "koʻknori", "spays", "спайс", "marixuana", "марихуан", "героин", "geroin", "закладк", "=травк", "psixotrop", "психотроп", "=анаша", "anasha", "kannabis"],
    note: "Drugs: use, dealing, stashes.", examples: ["Hovlida giyohvand moddalar sotishyapti", "В подъезде делают закладки"],
    source: "Criminal Code Art. 273, 276 (narcotics)"
  },
  {
    id: "alcohol.drunk", category: "alcoholDrugs", weight: 2,
    match: ["=mast", "mastlik", "mast holat", "mast boʻlib", "ichkilik", "ichib keladi", "ichib kel", "ichib oladi", "ichib ol", "=aroq", "aroqxoʻr", "spirtli", "alkogol", "алкогол", "пьян", "=пьёт", "=пьет", "=пьют", "выпива", "запой", "бухает", "бухают", "=ичиб", "piyonista", "пьяниц"],
    note: "Drunkenness and alcohol abuse.", examples: ["Erim har kuni mast holatda keladi", "Сосед постоянно пьяный"],
    source: "Code of Administrative Responsibility (appearing drunk in public)"
  },

  // Minors.
  {
    id: "minors.named", category: "minors", weight: 2, flags: ["minorInvolved"],
    match: ["voyaga yetmagan", "oʻsmir", "maktab oʻquvchi", "oʻquvchilar", "несовершеннолет", "подрост", "школьни", "малолет", "=bulling", "буллинг", "tengdosh", "сверстник", "sinfdosh", "одноклассник", "травл", "darsga bormay", "darsga bormas", "darsga qatnamay", "darsdan qoch", "maktabga bormay", "maktabga qatnamay", "прогул", "не ходит в школу"],
    note: "Minors, teenagers, pupils.", examples: ["Voyaga yetmagan oʻsmirlar kechasi koʻchada yurishadi", "Подростки курят у школы"],
    source: "Law on guarantees of the rights of the child (2008); juvenile inspectors"
  },
  {
    id: "minors.school", category: "minors", weight: 2, flags: ["minorInvolved"],
    match: ["uydan qochib", "uydan ket", "сбежал из дома", "убежал из дома", "ушел из дома", "ушла из дома", "kompyuter klub", "kompyuter oʻyin", "компьютерн клуб", "игровой клуб"],
    context: child,
    note: "A child skips school, runs away, spends nights in game clubs.", examples: ["Oʻgʻlim kechalari kompyuter klubida yuradi", "Сын сбежал из дома"],
    source: "Law on guarantees of the rights of the child (2008); juvenile inspectors"
  },
  {
    id: "minors.age", category: "minors", weight: 1.5, flags: ["minorInvolved"],
    match: ages, unless: ["=oldin", "=avval", "=назад", "=yil oldin"],
    note: "An age under 18 is stated (\"15 yoshli\", \"15 лет\").", examples: ["15 yoshli oʻgʻlim", "Дочери 14 лет"],
    source: "Law on guarantees of the rights of the child (2008): under 18 is a child"
  },
  {
    id: "minors.child", category: "minors", weight: 0.5,
    match: child, unless: ["=bolalar uyi", "=детский сад"],
    note: "A child is mentioned (light evidence only).", examples: ["Bolam kasal", "Ребенок плачет"],
    source: "Law on guarantees of the rights of the child (2008)"
  },

  // Missing persons.
  {
    id: "missing.named", category: "missingPerson", weight: 3,
    match: ["bedarak", "izsiz", "darak yoʻq", "darakini", "uyga qaytmadi", "uyga kelmadi", "uyga qaytmagan", "uyga kelmagan", "=qaytmadi", "qaytmagan", "hali ham yoʻq", "hali ham kelmadi", "hali qaytmadi", "topilmadi", "topilmayapti", "yoʻq boʻlib qol", "yoʻq boʻldi", "gʻoyib", "исчез", "не нашли", "не найден", "без вести", "не вернул", "не пришел домой", "не пришёл домой", "не пришла домой", "не вернулся домой", "до сих пор нет", "разыск"],
    context: person, window: 20,
    note: "A person did not come home or cannot be found: urgent, search starts at once.", examples: ["Oʻgʻlim kecha maktabdan uyga qaytmadi", "Пропала бабушка, ушла из дома и не вернулась"],
    source: "Law on internal affairs bodies (ZRU-407, 2016): search for missing persons"
  },
  {
    id: "missing.lost", category: "missingPerson", weight: 3,
    match: ["yoʻqolib qol", "yoʻqolgan", "yoʻqoldi", "qidir", "topa olmay", "пропал", "пропала", "пропавш", "ищем", "найти"],
    context: person, window: 20,
    unless: ["telefon", "pasport", "hujjat", "=pul", "pulim", "sumka", "hamyon", "mashina", "kalit", "=it", "itim", "mushuk", "sigir", "=qoʻy", "mol", "un", "sement",
      "телефон", "паспорт", "документ", "кошел", "сумк", "ключ", "деньг", "машин", "собак", "кошк", "корова", "скот"],
    note: "A person is lost or searched for (not a lost thing or animal).", examples: ["Buvim yoʻqolib qoldi, qidiryapmiz", "Пропал сын, ищем второй день"],
    source: "Law on internal affairs bodies (ZRU-407, 2016): search for missing persons"
  },
  {
    id: "missing.noContact", category: "missingPerson", weight: 2,
    match: ["telefoni oʻchiq", "telefonini olmayapti", "telefonni olmayapti", "aloqaga chiqmay", "aloqa yoʻq", "телефон выключен", "не выходит на связь", "не отвечает на звонки", "связи нет", "телефон не берет", "телефон не берёт", "не берет трубку", "не берёт трубку", "telefon javob bermay", "telefon olmay", "telefonni koʻtarmay"],
    context: ["=kun", "kundan", "kecha", "ertalab", "=sutka", "soat", "дня", "дней", "=вчера", "утра", "сутки", "суток", "часов", "ketgan", "ушел", "ушёл", "ушла", "уехал"],
    negatable: false,
    note: "Someone cannot be reached for hours or days.", examples: ["Akam ikki kundan beri telefoni oʻchiq, uyga kelmadi", "Сын уехал, второй день телефон выключен"],
    source: "Law on internal affairs bodies (ZRU-407, 2016): search for missing persons"
  },

  // Road safety.
  {
    id: "road.driving", category: "roadSafety", weight: 2,
    match: ["haydovchi", "mast haydovchi", "mast holda hayd", "пьяный водитель", "пьяном виде за рул", "tez hayd", "tezlik", "yoʻl harakat", "svetofor", "piyoda", "avariya", "yoʻl-transport", "ytx", "avtohalokat", "mototsikl", "skuter", "gonka", "drift", "moshin hayd", "mashina hayd", "rul",
      "водител", "скорост", "пешеход", "светофор", "=дтп", "авари", "мотоцикл", "скутер", "гонк", "дрифт", "за рулем", "за рулём", "=гаи", "=дпс", "ypx", "йпх", "парков", "=тротуар", "перекрест", "=zebra", "зебр"],
    note: "Dangerous driving, accidents, traffic lights, parking.", examples: ["Koʻchamizda mashinalar juda tez haydaydi, piyodalar uchun xavfli", "Во дворе гоняют на мотоциклах"],
    source: "Code of Administrative Responsibility, chapter on road traffic"
  },
  {
    id: "road.parking", category: "roadSafety", weight: 2,
    match: ["mashina", "avtomobil", "moshina", "машин", "автомобил"],
    context: ["toʻxtab tur", "qoʻyib ket", "yoʻlni toʻs", "yoʻlni band", "darvoza oldi", "oʻtish", "перегород", "паркует", "ставит", "загоражива", "проезд"],
    note: "Cars parked so that they block a passage or gate.", examples: ["Qoʻshni mashinasini darvoza oldiga qoʻyib ketadi, yoʻlni toʻsadi"],
    source: "Road Traffic Rules (stopping and parking)"
  },

  // Neighbour disputes.
  {
    id: "neighbour.named", category: "neighbourDispute", weight: 1,
    match: ["qoʻshni", "сосед", "қўшни"],
    note: "A neighbour is mentioned (light evidence; other rules decide between noise, threats and disputes).", examples: ["Qoʻshnimiz bilan kelisha olmayapmiz"],
    source: "ZRU-445 (appeals); Civil Code (neighbour relations)"
  },
  {
    id: "neighbour.issue", category: "neighbourDispute", weight: 2,
    match: ["ariq", "=suvni", "suv oqiz", "suvni toʻs", "daraxt", "devor", "kanalizatsiya", "axlat", "chiqindi", "tomidan", "=tom", "soya", "hovli", "yoʻlak", "канализац", "мусор", "дерев", "стен", "крыш", "арык", "затопил", "затопля", "забор", "девор", "оқова", "oqova", "=nizo", "nizolash", "спор", "kelisha olmay", "janjallash", "urishib qol", "жанжал"],
    context: ["qoʻshni", "сосед", "қўшни"],
    note: "Neighbours quarrel about water, drains, trees, walls, rubbish, passages.", examples: ["Qoʻshnim ariqdagi suvni toʻsib qoʻydi", "Соседи сверху затопили квартиру"],
    source: "ZRU-445 (appeals); Civil Code (neighbour relations)"
  },

  // Land.
  {
    id: "land.plot", category: "landDispute", weight: 4,
    match: ["yer uchastka", "yer maydon", "uchastka", "tomorqa", "chegara", "=yerimni", "=yerimga", "=yerimiz", "yerimizni", "kadastr", "egallab ol", "noqonuniy qurilish", "ruxsatsiz qurilish", "земельн", "=участок", "=участка", "=участке", "=участку", "кадастр", "межа", "самозахват", "самовольн постро", "захватил", "граница участка", "=ер майдон"],
    note: "Plot boundaries, seized land, unauthorised building.", examples: ["Qoʻshnim mening yer uchastkamning bir qismini egallab oldi", "Сосед захватил часть земельного участка"],
    source: "Land Code; forwarding: ZRU-445 (5 days)"
  },

  // Illegal trade.
  {
    id: "trade.illegal", category: "illegalTrade", weight: 3,
    match: ["noqonuniy savdo", "ruxsatsiz savdo", "litsenziyasiz", "ruxsatnomasiz", "qalbaki", "kontrafakt", "контрафакт", "без лиценз", "незаконн торгов", "незаконн продаж", "торгует без", "qonunsiz sot", "stixiyali savdo", "стихийн торгов"],
    note: "Unlicensed or illegal trade, counterfeit goods.", examples: ["Doʻkon litsenziyasiz aroq sotadi", "Торгуют контрафактом без лицензии"],
    source: "Code of Administrative Responsibility Art. 176 (illegal trade)"
  },
  {
    id: "trade.toMinors", category: "illegalTrade", weight: 3, flags: ["minorInvolved"],
    match: ["=sotadi", "sotyapti", "sotish", "sotuv", "=sotib", "sotishadi", "doʻkon", "продает", "продаёт", "продают", "продаж", "магазин"],
    context: ["voyaga yetmagan", "maktab oʻquvchi", "bolalarga", "oʻsmir", "sigaret", "aroq", "pivo", "spirtli", "nosvoy", "nos", "tunda", "kechasi", "=vayp", "vape", "несовершеннолет", "детям", "школьник", "сигарет", "алкогол", "пиво", "водк", "=насвай", "ночью", "вейп"],
    note: "Sales of alcohol, tobacco or nasvay to minors, or at night.", examples: ["Doʻkon maktab oʻquvchilariga sigaret sotadi", "Магазин продает алкоголь ночью"],
    source: "Code of Administrative Responsibility (sale of alcohol and tobacco to minors)"
  },

  // Animals.
  {
    id: "animals.dog", category: "animals", weight: 3,
    match: ["=it", "=itlar", "itlari", "itlarni", "=iti", "=itni", "=itga", "=itim", "itlar", "daydi it", "kuchuk", "mushuk", "hayvon", "qopagʻon", "quturgan", "собак", "=пес", "=пёс", "животн", "бродяч", "кошк", "бешен", "=ит", "итлар", "ити", "чорва", "chorva", "sigir", "echki", "=qoʻylar", "tovuq", "скот", "коров"],
    note: "Dogs, stray or dangerous animals, livestock, cruelty.", examples: ["Daydi itlar bolalarga tashlanmoqda", "Соседская собака кусает прохожих"],
    source: "Code of Administrative Responsibility (keeping animals)"
  },

  // Complaints about an officer.
  {
    id: "officer.complaint", category: "officerComplaint", weight: 4, flags: ["officerComplaint"],
    match: officer, negatable: false,
    context: ["shikoyat", "qoʻpol", "javob bermay", "javob yoʻq", "javob berilmadi", "javob olmadim", "eʼtibor bermay", "eʼtiborsiz", "befarq", "chora koʻrmay", "chora koʻrmadi", "harakatsiz", "pora", "tovlamachi", "haqorat", "soʻkdi", "kelmadi", "жалоб", "груб", "бездейств", "не реагир", "не принял мер", "не приня", "взятк", "вымога", "оскорб", "=hech narsa qilmadi", "ничего не сделал", "не пришел", "не пришёл", "хамит", "хамил", "нагруб", "наорал", "выгнал", "ustidan"],
    note: "A complaint about an officer: rude, inactive, asking for a bribe. Never handled by that officer.", examples: ["Mahalla inspektori shikoyatimga javob bermayapti", "Участковый грубо разговаривал и не принял мер"],
    source: "ZRU-445 (complaint); Law on internal affairs bodies"
  },
  {
    id: "officer.bribe", category: "officerComplaint", weight: 3, flags: ["officerComplaint", "suspectedCrime"],
    match: ["pora", "=poraxoʻr", "взятк", "вымогал", "вымогат", "tovlamachilik", "pul soʻra", "pul talab", "потребовал деньг", "требует деньг", "просил деньг", "требовал деньг"],
    context: officer,
    note: "An officer asked for a bribe.", examples: ["Inspektor mendan pora soʻradi"],
    source: "Criminal Code Art. 210 (bribery)"
  },

  // Legal help.
  {
    id: "legal.question", category: "legalHelp", weight: 2,
    match: ["tushuntirib ber", "tushuntirish", "maslahat", "qanday qilib", "qayerga murojaat", "qanday hujjat", "huquqim", "huquqlarim", "qonun boʻyicha", "qonunda", "yuridik", "разъясн", "консультац", "подскажите", "=как получить", "куда обратиться", "какие документы", "по закону", "мои права", "юридическ", "имею ли я право", "haqqim bormi", "mumkinmi"],
    note: "A question about rights or procedures.", examples: ["Meros boʻyicha qayerga murojaat qilishni tushuntirib bering", "Подскажите, куда обратиться за пропиской"],
    source: "ZRU-445 (the inspector explains rights and procedures)"
  },
  {
    id: "legal.documents", category: "legalHelp", weight: 1.5,
    match: ["propiska", "прописк", "roʻyxatga qoʻy", "roʻyxatdan oʻt", "doimiy roʻyxat", "pasport", "паспорт", "maʼlumotnoma", "справк", "ishonchnoma", "доверенност", "meros", "наследств", "vasiylik", "опек", "id-karta", "id karta", "fuqarolik"],
    note: "Registration, passports, certificates, inheritance, guardianship.", examples: ["Pasport olish uchun maʼlumotnoma kerak"],
    source: "ZRU-445 (the inspector explains rights and procedures)"
  },

  // Social support (competent body: social protection).
  {
    id: "social.benefit", category: "socialSupport", weight: 3,
    match: ["nafaqa", "pensiya", "moddiy yordam", "ijtimoiy yordam", "kam taʼminlangan", "nogiron", "temir daftar", "ayollar daftar", "yoshlar daftar", "ishsiz", "ish topib", "ishga joylash", "mehribonlik", "ijtimoiy himoya", "inson markaz",
      "пенси", "пособи", "материальн помощ", "социальн помощ", "малоимущ", "инвалид", "безработ", "трудоустро", "работу найти", "соцзащит", "нафақа", "ночор", "nochor", "boquvchisini yoʻqot", "ijtimoiy xodim", "социальн работник", "yolgʻiz keksa", "одинок пожил", "многодетн", "koʻp bolali"],
    note: "Benefits, pensions, disability, poverty, employment: forwarded to the social protection bodies.", examples: ["Onam nogironligi boʻyicha nafaqa ololmayapti", "Прошу материальную помощь, семья малоимущая"],
    source: "ZRU-445 (forwarded within 5 days to the competent body)"
  },

  // Housing and utilities (competent body: khokimiyat, utility companies).
  {
    id: "housing.utilities", category: "housingUtilities", weight: 3, negatable: false,
    match: ["=gaz", "gazi", "gazni", "gazga", "tabiiy gaz", "elektr", "=svet", "chiroq", "ichimlik suv", "suv kelmay", "suv yoʻq", "kommunal", "asfalt", "chuqur", "yoʻl taʼmir", "koʻcha yoritish", "lift", "isitish", "yoritish", "fonar", "issiq suv", "uy-joy", "uy joy", "hokimlik", "hokimiyat", "=tok", "tok yoʻq",
      "=газ", "газа", "электр", "=свет", "света", "освещен", "водоснабж", "нет воды", "коммунал", "асфальт", "=яма", "ямы", "ремонт дорог", "лифт", "отоплен", "фонар", "освещ", "горяч вод", "жильё", "жилье", "жилищ", "хокимият", "ҳоким", "жкх", "счетчик", "счётчик", "hisoblagich", "kvitansiya", "квитанци", "тарифи", "tarif"],
    note: "Gas, electricity, water, roads, lighting, housing: forwarded to the khokimiyat or utility company.", examples: ["Mahallamizda uch kundan beri gaz yoʻq", "Во дворе не работает освещение, ямы на дороге"],
    source: "ZRU-445 (forwarded within 5 days to the competent body)"
  },

  // Probation.
  {
    id: "probation.named", category: "probation", weight: 3,
    match: ["probatsiya", "пробаци", "qamoqdan chiq", "qamoqdan qayt", "ozodlikdan mahrum", "jazoni oʻtab", "shartli ozod", "shartli hukm", "sudlangan", "muqaddam sudlangan", "maʼmuriy nazorat", "судим", "освободил", "освободился", "отсидел", "условно", "условн срок", "административн надзор", "мест лишения", "qamoq", "колони", "отбыв", "отбыл наказание", "тюрьм", "jazo muddat"],
    note: "Released prisoners, probation, administrative supervision.", examples: ["Qamoqdan chiqqan qoʻshnimiz yana bezorilik qilyapti", "Недавно освободился из мест лишения свободы"],
    source: "Law on probation; Criminal Code (conditional sentences)"
  },

  // Proposals (taklif, ZRU-445).
  {
    id: "proposal.named", category: "proposal", weight: 4,
    match: ["taklif", "предлага", "предложен", "=предлагаю", "taklifim", "yaxshi boʻlardi", "было бы хорошо", "maqsadga muvofiq", "целесообразно", "tashkil etish", "tashkil qilish", "oʻrnatish kerak", "установить камер", "kamera oʻrnat", "videokamera oʻrnat", "установить видеокамер", "yaxshilash", "улучш"],
    unless: ["toʻyga taklif"],
    note: "A proposal to improve public order or the officers' work.", examples: ["Mahallamizga videokamera oʻrnatishni taklif qilaman", "Предлагаю организовать патрулирование у школы"],
    source: "ZRU-445 (taklif)"
  },

  // Flags without a category.
  {
    id: "flag.repeated", flags: ["repeated"],
    match: ["takroriy", "takror", "yana murojaat", "qayta murojaat", "ikkinchi marta", "uchinchi marta", "bir necha marta", "koʻp marta", "avval ham murojaat", "oldin ham murojaat", "javob berilmadi", "hal qilinmadi", "hal boʻlmadi",
      "повторн", "уже обращал", "уже обращалась", "в который раз", "снова обращ", "неоднократно", "не решен", "не решён", "такрорий"],
    note: "The applicant says the matter was raised before: possibly a repeated appeal (ZRU-445); Similarity.repeat decides from the history.", examples: ["Bu masala boʻyicha ikkinchi marta murojaat qilyapman", "Повторно обращаюсь, ответа нет"],
    source: "ZRU-445 (repeated appeal)"
  },
  {
    id: "flag.collective", flags: ["collective"],
    match: ["biz mahalla aholisi", "aholisi nomidan", "mahalla aholisi", "jamoaviy", "imzo", "biz aholi", "жители", "коллективн", "подписи", "жильцы", "аҳолиси", "ahli"],
    note: "Signed or sent by several residents (collective appeal).", examples: ["Biz mahalla aholisi quyidagilarni maʼlum qilamiz", "Мы, жители дома 5, просим"],
    source: "ZRU-445 (collective appeals)"
  },
  {
    id: "flag.crime", flags: ["suspectedCrime"],
    match: ["jinoyat", "преступлен", "жиноят", "jinoiy ish", "уголовн дело", "jinoiy javobgar"],
    note: "The applicant names a crime: hand to the criminal-procedure track (Criminal Procedure Code).", examples: ["Bu jinoyat, chora koʻring"],
    source: "Criminal Procedure Code (crime reports are not ZRU-445 appeals)"
  }
]
