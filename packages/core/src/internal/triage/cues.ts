/**
 * The default urgency cues and urgency rules, as data (see `Taxonomy.Cue`, `Taxonomy.UrgencyRule`).
 * Written from the situations that put life or health in danger now (issue 13), not from any
 * corpus: danger named outright, violence and its idioms, weapons, helpless people in dangerous
 * places, missing people, and the immediacy words people use in Uzbek (both scripts), Russian and
 * mixed text. Patterns are matched like the category rules' (stems, any script, any apostrophe).
 */
import type { Cue, UrgencyRule } from "../../Taxonomy.js"

const duty = "Law on internal affairs bodies (ZRU-407, 2016): protecting the life and health of citizens; urgency as defined in issue 13"
const crime = (articles: string) => `Criminal Code ${articles}; ${duty}`

// --- cues ------------------------------------------------------------------------------------------

export const defaultCues: ReadonlyArray<Cue> = [
  {
    id: "cue.fire", kind: "fire", negatable: false,
    match: [
      "yongʻin", "yonyapti", "yonib ketyapti", "yonib ketdi", "yonib turibdi", "olov", "alanga", "oʻt ketdi", "oʻt ketibdi", "oʻt chiqdi", "oʻt olib", "tutun chiqyapti", "tutun chiqib", "tutab",
      "gaz hidi", "gaz sizib", "gaz chiqyapti", "gaz hidi kelyapti", "qulab tushdi", "qulab tushyapti", "qulayapti", "sim uzilib", "simlar uchqun", "uchqun chiqar", "tok urdi", "tok urib",
      "горит", "горят", "пожар", "огонь", "пламя", "задымлен", "дым идёт", "дым идет", "валит дым", "загорел", "подожгли дом", "пахнет газом", "запах газа", "утечка газа", "газ идёт", "обрушил", "обвал", "искрит", "оборван провод", "оборванный провод", "провода искрят", "ударило током", "ударил ток"
    ],
    note: "Fire, smoke, a gas leak, a collapsing building, live wires.", examples: ["Qoʻshni uyning tomidan olov chiqyapti", "В подъезде пахнет газом", "Горит гараж во дворе"],
    source: duty
  },
  {
    id: "cue.medical", kind: "medical", negatable: false,
    match: [
      "hushidan ketdi", "hushidan ketib", "hushsiz", "behush", "nafas olmayapti", "nafas ololmay", "zoʻrgʻa nafas", "ogʻzidan koʻpik", "koʻpik chiq", "qon ketyapti", "qon oqyapti", "qonga belan", "qonga botib", "qon ichida",
      "choʻkyapti", "choʻkib ketdi", "choʻkib ketyapti", "suv ostida", "suvga tushib ketdi", "suvga qulab", "muz ostiga", "yuragi ushlab", "tutqanoq", "qimirlamayapti", "ingrash", "ingrayapti",
      "без сознания", "потерял сознание", "потеряла сознание", "не дышит", "плохо дышит", "пена изо рта", "истекает кровью", "в крови", "весь в крови", "тонет", "тонут", "утонул", "под водой", "провалил под лёд", "провалился под лед", "передозиров", "не шевелится", "стонет", "судорог"
    ],
    note: "Someone unconscious, not breathing, bleeding, drowning, in a fit or after an overdose.", examples: ["Podyezdda bir yigit yotibdi, ogʻzidan koʻpik chiqyapti", "Мужчина без сознания в подъезде", "Bola suv ostida qoldi"],
    source: duty
  },
  {
    id: "cue.suicide", kind: "suicide", negatable: false,
    match: [
      "oʻzini oʻldir", "oʻzimni oʻldir", "oʻz joniga qasd", "oʻz jonimga qasd", "joniga qasd qilmoqchi", "oʻzini osmoqchi", "oʻzini osib", "oʻzimni osaman", "oʻzini tashlamoqchi", "oʻzini tashlayman", "oʻzimni tashlayman", "sakramoqchi", "sakrab yubor",
      "oʻzini yoqmoqchi", "tomirini kes", "tomirimni kes", "dori ichib oʻl", "yashagim kelmay", "yashagisi kelmay", "yashashni xohlamay", "yashashning maʼnosi", "maʼnosi qolmadi", "suitsid",
      "покончить с собой", "покончу с собой", "покончит с собой", "повеситься", "повешусь", "повесится", "вскрыть вены", "вскрою вены", "вскрыл вены", "прыгнуть с", "спрыгнуть", "спрыгнет", "выпрыгнуть", "наглоталась", "наглотался", "не хочу жить", "не хочет жить", "жить не хочу", "жить не хочет", "суицид", "свести счёты", "свести счеты",
      // Farewell messages.
      "meni kechiringlar", "meni kechirasizlar", "meni kechir", "rozi boʻlinglar", "rozi boʻling", "hammaga rozi", "meni qidirmanglar", "meni izlamanglar", "meni boshqa koʻrmaysiz", "boshqa koʻrmaysizlar", "alvido", "bolalarimga qarang", "bolalarni asra", "toqatim qolmadi", "boshqa chidolmayman", "chidayolmayman",
      "прости меня за всё", "прости меня за все", "простите меня за всё", "простите меня за все", "прощайте", "не ищите меня", "береги детей", "больше так не могу", "больше не могу так", "это конец", "последнее сообщение"
    ],
    note: "A suicide threat or attempt, or a farewell message.", examples: ["Qizim oʻz joniga qasd qilmoqchi ekanini aytdi", "Сын грозится покончить с собой", "U «hammaga rozi boʻlinglar, meni qidirmanglar» deb yozdi"],
    source: "Law on the protection of the health of citizens (1996): care for persons at risk of suicide; " + duty
  },
  {
    id: "cue.abduction", kind: "abduction", negatable: false,
    match: [
      "oʻgʻirlab ketishdi", "oʻgʻirlab ketdi", "oʻgʻirlab ketishmoqchi", "mashinaga solib", "mashinaga tiqib", "zoʻrlab olib ket", "majburlab olib ket", "kuch bilan olib ket", "garovga", "qamab qoʻyishgan",
      "похитили", "похитил", "похищ", "затащили в машину", "затолкали в машину", "увезли силой", "силой увез", "заложник"
    ],
    context: ["bola", "qiz", "oʻgʻil", "kelin", "ayol", "odam", "kishi", "singl", "opa", "uka", "aka", "xotin", "ребен", "ребён", "дочь", "сын", "девушк", "женщин", "человек", "мужчин", "сестр", "брат", "жена", "жену", "meni", "мен", "меня"],
    window: 15,
    note: "A person taken away by force.", examples: ["Qizni mashinaga solib olib ketishdi", "Девушку затащили в машину и увезли"],
    source: crime("Art. 137 (abduction); Art. 245 (taking hostages)")
  },
  {
    id: "cue.harm", kind: "harm",
    match: [
      "=urdi", "=urib", "=uradi", "=urgan", "=uryapti", "=urayapti", "=uraapti", "=urishdi", "=urishyapti", "=urishayapti", "=urmoqda", "=urishmoqda", "=urishib", "=urilyapti", "urushyapti", "urushishyapti", "olishyapti", "olishib",
      "kaltak", "doʻppos", "doʻpos", "savala", "sabala", "musht", "tepdi", "tepib", "tepyapti", "tepishyapti", "tepkila", "boʻgʻdi", "boʻgʻib", "boʻgʻyapti", "boʻgʻishga", "boʻgʻmoqchi", "pichoqla", "pichoq ur", "sanchdi", "yiqitib", "yerga yiqit", "sudrab",
      "tashlanyapti", "tashlandi", "tashlanib", "hujum", "qoʻl koʻtar", "jarohat", "yarador", "qonatib", "qonini", "qichqiryapti", "baqiryapti", "dod deb", "dod solib", "yordam deb", "voy dod",
      // Idioms and euphemisms for beating.
      "tarbiyalay", "tarbiya qil", "tarbiya beryapti", "adabini ber", "adabini beryapti", "taʼzirini ber", "dakki ber", "boplab", "ezgʻila", "qiynayapti", "qiynoq",
      "избива", "избил", "избив", "бьёт", "бьет", "бьют", "=бил", "=била", "=били", "побои", "ударил", "ударила", "ударили", "ударяет", "душит", "душил", "задуш", "пинает", "пинают", "пинал", "=напал", "напали", "нападает", "нападают", "дерутся", "драка", "=режет", "порезал",
      "пырнул", "ранил", "ранен", "=ранение", "насилу", "насилие", "изнасил", "топчут", "затопчут", "забивают", "убивает", "убивают", "кричит о помощи", "крики о помощи", "зовёт на помощь", "зовет на помощь", "ломает дверь", "ломится", "выбивает дверь",
      "учит жизни", "учит жену", "воспитыва", "поднял руку", "поднимает руку", "распускает руки", "руки распускает", "разборк", "razborka", "razborki", "=мутузит"
    ],
    unless: ["yil oldin", "год назад", "лет назад", "oy oldin", "месяц назад"],
    note: "Violence, also told by an idiom (\"tarbiyalayapti\", \"adabini beryapti\", \"учит жизни\").", examples: ["Erim meni uryapti", "Qoʻshnimiz xotinini tarbiyalayapti yana", "Сосед снова учит жену жизни"],
    source: crime("Art. 104-109 (bodily harm), Art. 126-1 (domestic violence)")
  },
  {
    id: "cue.threat", kind: "threat",
    match: [
      "oʻldiraman", "oʻldiramiz", "oʻldiradi", "oʻldirib qoʻyadi", "oʻldirib qoʻyaman", "oʻldirmoqchi", "oʻldiryapti", "oʻldirishadi", "oʻldiraylik", "soʻyaman", "soʻyib tashla", "soʻyib qoʻy", "otib tashlayman", "otib oʻldir", "otaman deb", "ҳаммангни", "hammangni",
      "jonimga qasd", "joniga qasd qil", "qon toʻkiladi", "oʻldirishidan qoʻrq", "oʻldirib qoʻyishidan",
      "=убью", "=убьёт", "=убьет", "=убьют", "=убить", "=убьем", "=убьём", "зарежу", "зарежет", "прирежу", "прирежет", "пристрелю", "пристрелит", "застрелю", "застрелит", "=прибью", "=прибьёт", "=прибьет", "задушу", "порешу", "грозится убить", "угрожает убить", "обещал убить"
    ],
    note: "A threat to kill or maim.", examples: ["Qoʻshnim meni oʻldiraman deb qoʻrqitdi", "Муж кричит, что убьёт её", "Эрим мени ўлдираман деяпти"],
    source: crime("Art. 112 (threat of murder or violence)")
  },
  {
    id: "cue.weapon", kind: "weapon",
    match: [
      "pichoq", "pichogʻ", "qurol", "miltiq", "miltigʻ", "toʻpponcha", "=bolta", "=boltasi", "boltani", "bolta bilan", "=tesha", "granata", "portlovchi", "travmatik", "armatura", "sanchqi", "kastet", "=tayoq", "tayoq bilan", "tayoqlar", "temir bilan", "=bolgʻa", "bolgʻa bilan", "shisha bilan", "=oʻq otdi", "oʻq uzdi", "oʻq ovozi",
      "=нож", "=ножом", "=ножа", "=ножи", "=ножик", "ножиком", "пистолет", "ружьё", "ружье", "ружья", "ружьём", "ружьем", "оружи", "травмат", "обрез", "граната", "гранат", "взрывчат", "стреля", "выстрел", "=топор", "=топором", "кастет", "=бита", "=битой", "битами", "арматур", "=вилы", "=вилами", "молотк", "бутылкой", "розочк"
    ],
    unless: ["oshxona pichogʻi sotiladi", "ov qilish uchun ruxsat", "разрешение на охотничье", "yil oldin", "год назад", "лет назад"],
    note: "A weapon shown, used or threatened with (knife, firearm, axe, rebar, bat).", examples: ["Qoʻlida pichoq bilan odamlarga tashlanyapti", "Сосед вышел с ружьём на балкон", "Ҳовлида милтиқ бор"],
    source: crime("Art. 247-248 (weapons)")
  },
  {
    id: "cue.now", kind: "now", negatable: false,
    match: [
      "=hozir", "hozirning oʻzida", "=hozirda", "hozir ham", "ayni paytda", "ayni damda", "shu paytda", "shu topda", "shu zahoti", "hoziroq", "=tez", "=tezroq", "=tezda", "tezroq keling", "tez keling", "tez yetib", "tezkor", "zudlik bilan", "shoshilinch", "darhol", "darrov", "=dod", "=voy",
      "yordam bering", "yordam beringlar", "yordam qiling", "qutqaring", "qutqar", "keling iltimos", "kelinglar", "yetib keling", "yuboring", "kimdir kelsin", "bir odam yuboring", "kimnidir yuboring", "hamon", "hali ham shu yerda",
      "сейчас", "прямо сейчас", "в данный момент", "в эту минуту", "=срочно", "срочно приезжайте", "немедленно", "=быстрее", "=скорее", "помогите", "спасите", "приезжайте", "пришлите", "пусть кто-нибудь", "только что", "до сих пор", "всё ещё", "все еще", "pomogite", "srochno", "=tezrok", "=тезрок"
    ],
    unless: ["tez-tez", "chora koʻrishingizni", "hozirgi kunda", "hozirgacha javob", "до сих пор не ответ", "до сих пор нет ответа", "до сих пор ничего", "до сих пор не рассмотр"],
    note: "Immediacy: now, urgently, come quickly, help, in every script and language.", examples: ["Hozir qoʻshnilar urishyapti, tezroq keling", "Срочно приезжайте", "Ёрдам беринглар"],
    source: duty
  },
  {
    id: "cue.vulnerable", kind: "vulnerable", negatable: false,
    match: [
      "=bola", "=bolam", "bolamni", "bolasi", "bolani", "bolalar", "bolakay", "goʻdak", "chaqaloq", "kichkina", "murgʻak", "qizcha", "oʻgʻil bola", "qiz bola", "nevaram", "nabiram",
      "=1 yosh", "=2 yosh", "=3 yosh", "=4 yosh", "=5 yosh", "=6 yosh", "=7 yosh", "=8 yosh", "=9 yosh", "=10 yosh", "=1 yashar", "=2 yashar", "=3 yashar", "=4 yashar", "=5 yashar", "=6 yashar", "=7 yashar",
      "keksa", "kampir", "=chol", "buvi", "bobo", "otaxon", "onaxon", "nogiron", "kasal", "bemor", "yotib qolgan", "yotoqda", "demensiya", "xotirasi", "aqli zaif", "homilador", "qandli diabet", "yuragi",
      "ребён", "ребен", "=дети", "=детей", "детьми", "малыш", "младен", "мальчик", "девочк", "=дитя", "=1 год", "=2 года", "=3 года", "=4 года", "=5 лет", "=6 лет", "=7 лет", "лет пяти", "лет трёх", "лет трех",
      "пожил", "бабушк", "дедушк", "старик", "старушк", "инвалид", "больн", "лежач", "деменц", "парализ", "беремен"
    ],
    note: "A small child, or an old, ill, disabled or pregnant person.", examples: ["3 yoshli qizcha", "Бабушка 82 лет с деменцией"],
    source: "Law on guarantees of the rights of the child (2008); " + duty
  },
  {
    id: "cue.alone", kind: "alone",
    match: [
      "yolgʻiz", "qarovsiz", "nazoratsiz", "qaramasdan", "hech kim yoʻq", "kattalar yoʻq", "hech kim qaramay", "oʻzi qoldi", "uyda qoldi", "ichkarida qoldi", "qulflab", "qulfda", "qulf uy", "eshik qulf", "qamab", "qamalib", "qamalgan", "eshik yopiq", "eshikni ochmay", "ochmayapti", "ochilmayapti", "ota-onasi yoʻq", "tashlab ketgan", "tashlab ketishgan",
      "=один", "=одна", "=одни", "одного", "одну", "без присмотра", "без взрослых", "взрослых нет", "взрослых рядом нет", "никого нет", "никого рядом", "заперт", "запер", "закрыли", "закрыта", "не открывает", "не открывают", "бросил", "бросили", "оставили"
    ],
    negatable: false,
    note: "Alone, locked in, with nobody looking after.", examples: ["Bola uyda yolgʻiz qoldi", "Дети одни дома, дверь заперта"],
    source: duty
  },
  {
    id: "cue.hazard", kind: "hazard", negatable: false,
    match: [
      "=ariq", "ariq", "kanal", "daryo", "hovuz", "=koʻl", "koʻlda", "koʻlga", "suv ombori", "suv havzasi", "quduq", "=muz", "muz ustida", "oqar suv", "suv koʻp", "=tom", "tomida", "tomga", "tomning", "=kran", "kran ustida", "balkon", "deraza tokcha", "tokchasida", "qavatda", "qavat", "baland joy", "jar", "chuqurga", "chuqur", "qurilish",
      "katta yoʻl", "katta yoʻlga", "trassa", "temir yoʻl", "relslar", "sovuq", "qor yogʻyapti", "ayoz", "issiqda", "simlar", "transformator",
      "пруд", "канал", "река", "реке", "озер", "водоём", "водоем", "колодец", "колодц", "=лёд", "=лед", "на льду", "крыш", "=кран", "балкон", "окно", "подоконник", "этаж", "высот", "обрыв", "котлован", "стройк", "=яма", "яму", "трасс", "проезжей част", "железн дорог", "рельс", "мороз", "холод", "провод", "трансформатор"
    ],
    note: "A dangerous place: water, ice, heights, a building site, a road or railway, cold, live wires.", examples: ["Bola ariq boʻyida oʻynayapti", "Дети на крыше гаражей"],
    source: duty
  },
  {
    id: "cue.missing", kind: "missing", negatable: false,
    match: [
      "qaytmadi", "qaytmagan", "qaytib kelmadi", "uyga kelmadi", "uyga kelmagan", "hali kelmadi", "hali yoʻq", "hali ham yoʻq", "hali ham kelmadi", "darak yoʻq", "darakini", "bedarak", "izsiz", "yoʻqolib qoldi", "yoʻqoldi", "yoʻqolgan", "topilmayapti", "topolmayapmiz", "topa olmayapmiz", "qidiryapmiz", "qidirib topolmay",
      "ishga bormagan", "maktabga bormagan", "manzilga yetmagan", "yetib bormagan", "yetib kelmadi",
      "не вернулся", "не вернулась", "не вернулись", "не пришёл домой", "не пришел домой", "не пришла домой", "не пришёл", "не пришел", "не пришла", "не доехал", "не доехала", "пропал", "пропала", "пропали", "исчез", "исчезла", "до сих пор нет", "не можем найти", "нигде нет", "ищем", "без вести"
    ],
    note: "Someone did not come back or cannot be found.", examples: ["Oʻgʻlim maktabdan uyga qaytmadi", "Бабушка ушла и не вернулась"],
    source: duty
  },
  {
    id: "cue.unreachable", kind: "unreachable", negatable: false,
    match: [
      "telefoni oʻchiq", "telefon oʻchiq", "telefoni oʻchirilgan", "telefonini oʻchir", "telefonini koʻtarmay", "telefonni koʻtarmay", "telefonini olmay", "telefonni olmay", "telefon javob bermay", "aloqaga chiqmay", "aloqa yoʻq", "aloqaga chiqmadi", "qoʻngʻiroqlarga javob bermay", "telefonini uyda qoldir",
      "телефон выключен", "телефон отключен", "выключил телефон", "выключила телефон", "недоступен", "недоступна", "недоступны", "вне зоны", "не берёт трубку", "не берет трубку", "не отвечает на звонки", "связи нет", "нет связи", "не выходит на связь", "не отвечает"
    ],
    note: "Someone cannot be reached.", examples: ["Telefoni oʻchiq, uyga kelmadi", "Телефон выключен второй день"],
    source: duty
  },
  {
    id: "cue.crowd", kind: "crowd", negatable: false,
    match: ["olomon", "=toʻda", "toʻdasi", "guruh", "bir guruh", "koʻpchilik", "bir necha kishi", "bir nechta yigit", "yigitlar", "odamlar", "толпа", "толпой", "групп", "несколько человек", "трое", "четверо", "пятеро", "парни", "толпе"],
    note: "A crowd or a group of people.", examples: ["Bir guruh yigitlar bir kishini urishyapti", "Толпа избивает мужчину"],
    source: crime("Art. 277 (hooliganism by a group)")
  },
  {
    id: "cue.driver", kind: "driver", negatable: false,
    match: [
      "mast haydovchi", "haydovchi mast", "haydovchisi mast", "mast holda hayd", "mast holda rul", "bosib ket", "bosib oladi", "bostirib kel", "qarama-qarshi", "oʻynatib", "tez haydayapti", "jinnilarcha hayd", "oʻzini yoʻqotib hayd", "=drift", "gonka",
      "пьяный водитель", "пьяный за рулём", "пьяный за рулем", "водитель пьян", "на встречку", "по встречке", "зигзаг", "собьёт", "собьет", "сбить", "давит людей", "гоняет", "гоняют", "дрифт", "виляет"
    ],
    note: "A driver driving dangerously (drunk, against the traffic, at people).", examples: ["Mast haydovchi mahalla ichida haydayapti"],
    source: "Code of Administrative Responsibility, road traffic; " + duty
  }
]

// --- urgency rules -----------------------------------------------------------------------------

export const defaultUrgency: ReadonlyArray<UrgencyRule> = [
  { id: "urgent.fire", when: ["fire"], signal: "lifeAtRisk", note: "Fire, gas, a collapse or live wires: danger now.", source: duty },
  { id: "urgent.medical", when: ["medical"], signal: "lifeAtRisk", note: "Someone unconscious, not breathing, bleeding or drowning.", source: duty },
  { id: "urgent.suicide", when: ["suicide"], signal: "threatToLife", note: "A suicide threat or a farewell message.", source: duty },
  { id: "urgent.abduction", when: ["abduction"], signal: "threatToLife", note: "A person taken away by force.", source: crime("Art. 137, 245") },
  { id: "urgent.violenceNow", when: ["harm", "now"], window: 25, signal: "violenceNow", note: "Violence together with a \"now\", a call for help, or a verb in the present continuous.", source: crime("Art. 104-109, 126-1") },
  { id: "urgent.threatNow", when: ["threat", "now"], window: 25, signal: "threatToLife", note: "A threat to kill together with a \"now\" or a call for help.", source: crime("Art. 112") },
  { id: "urgent.threatWithHarm", when: ["threat", "harm"], window: 20, signal: "threatToLife", note: "A threat to kill together with violence.", source: crime("Art. 112") },
  { id: "urgent.weaponNow", when: ["weapon", "now"], window: 25, signal: "weapon", note: "A weapon together with a \"now\" or a call for help.", source: crime("Art. 247-248") },
  { id: "urgent.weaponUsed", when: ["weapon", "harm"], window: 12, signal: "weapon", note: "A weapon used in violence.", source: crime("Art. 247-248, 104-109") },
  { id: "urgent.weaponThreat", when: ["weapon", "threat"], window: 15, signal: "weapon", note: "A threat with a weapon.", source: crime("Art. 112, 247-248") },
  { id: "urgent.crowdAttack", when: ["crowd", "harm"], window: 12, signal: "crowdAttack", note: "A crowd or a group attacking someone.", source: crime("Art. 104-109, 277") },
  { id: "urgent.helplessAlone", when: ["vulnerable", "alone"], window: 15, signal: "childInDanger", note: "A small child or a helpless person alone or locked in.", source: "Law on guarantees of the rights of the child (2008); " + duty },
  { id: "urgent.helplessHazard", when: ["vulnerable", "hazard"], window: 15, signal: "childInDanger", note: "A small child or a helpless person in a dangerous place.", source: "Law on guarantees of the rights of the child (2008); " + duty },
  { id: "urgent.missingUnreachable", when: ["missing", "unreachable"], window: 40, signal: "personMissing", note: "Someone did not come back and cannot be reached.", source: duty },
  { id: "urgent.missingHelpless", when: ["missing", "vulnerable"], window: 25, signal: "personMissing", note: "A child or a helpless person did not come back.", source: duty },
  { id: "urgent.missingNow", when: ["missing", "now"], window: 25, signal: "personMissing", note: "Someone did not come back, and the writer asks for help now.", source: duty },
  { id: "urgent.driverNow", when: ["driver", "now"], window: 20, signal: "dangerousDriver", note: "A dangerous driver on the road now.", source: "Code of Administrative Responsibility, road traffic; " + duty }
]

/**
 * Endings of the Uzbek present continuous (as matching keys): a violence, threat or weapon cue on a
 * word with one of them is happening now ("uryapti", "tepishyapti", "kaltaklamoqda").
 */
export const progressive: ReadonlyArray<string> = ["yapti", "yaptilar", "yapmiz", "yapsan", "yapsiz", "yapman", "yotibdi", "yotir", "mokda", "mokdalar", "ayapti", "vatti", "votti"]
