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

// People (the context of an abduction or a missing person).
const people = [
  "=bola", "bolam", "bolani", "bolasi", "bolalar", "qizim", "qizi", "=qiz", "qizcha", "oʻgʻlim", "oʻgʻli", "oʻgʻil", "oʻgʻlimiz", "kelin", "ayol", "=odam", "kishi", "yigit", "=er", "=erim", "eri", "xotin", "turmush oʻrtogʻ",
  "=opa", "=aka", "=ota", "otam", "otasi", "dadam", "=ona", "onam", "onasi", "akam", "akasi", "=aka", "ukam", "ukasi", "opam", "opasi", "singlim", "singlisi", "buvim", "buvisi", "bobom", "bobosi", "amakim", "togʻam", "jiyan", "nevara", "nabira", "meni",
  "ребён", "ребен", "=дочь", "дочк", "=сын", "=сына", "муж", "=жена", "=жену", "мама", "мать", "отец", "папа", "=брат", "сестр", "бабушк", "дедушк", "человек", "мужчин", "женщин", "девушк", "парень", "племянн", "внук", "внучк", "меня", "подруг", "друг"
]

// Ages as people write them ("8 yoshli", "8 yoshda", "8 yashar", "8 лет", "лет 8", "8-летний"): a
// child up to 12 is helpless on their own.
const ages = (from: number, to: number, forms: ReadonlyArray<string>): ReadonlyArray<string> =>
  Array.from({ length: to - from + 1 }, (_, i) => forms.map((f) => f.replace("N", String(from + i)))).flat()
const childAges = ages(1, 12, ["=N yosh", "=N yashar", "=N лет", "=лет N", "=N летн", "=N год"])

export const defaultCues: ReadonlyArray<Cue> = [
  {
    id: "cue.fire", kind: "fire",
    match: [
      "=yongʻin", "yongʻin chiqdi", "yongʻin boʻlyapti", "=olov", "uchqun chiqar", "simlar uchqun", "yongʻin ketyapti", "yonyapti", "yonib ketyapti", "yonib ketdi", "olov chiqyapti", "olov chiqdi", "olov ketdi", "alanga", "oʻt ketdi", "oʻt ketibdi", "oʻt chiqdi", "oʻt olib ketdi",
      "tutun chiqyapti", "tutun chiqib", "tutun bosdi", "gaz hidi", "gaz sizib", "gaz chiqyapti", "qulab tushdi", "qulab tushyapti", "qulayapti", "tok urdi", "tok urib",
      "горит", "горят", "загорел", "начался пожар", "=пожар", "огонь перекин", "пламя", "задымлен", "валит дым", "дым из", "дым идёт", "дым идет", "пахнет газом", "запах газа", "утечка газа", "обрушил", "обвалил", "ударило током", "ударил ток", "искрит", "провода искрят", "yoqilgʻi oqyapti", "бензин течёт", "бензин течет"
    ],
    unless: ["chiqsa", "boʻlsa", "agar", "=если", "при пожаре", "в случае пожара", "chiroq", "=свет", "фонар", "=лампа"],
    note: "Fire, smoke, a gas leak, a collapsing building, an electric shock: happening now.", examples: ["Qoʻshni uyning tomidan olov chiqyapti", "В подъезде пахнет газом", "Горит гараж во дворе"],
    source: duty
  },
  {
    id: "cue.medical", kind: "medical", negatable: false,
    match: [
      "hushidan ketdi", "hushidan ketib", "hushini yoʻqot", "hushsiz", "behush", "nafas olmayapti", "nafas ololmayapti", "zoʻrgʻa nafas", "ogʻzidan koʻpik", "qon ketyapti", "qon oqyapti", "qonga belan", "qonga botib", "qon ichida",
      "choʻkyapti", "choʻkib ketdi", "choʻkib ketyapti", "suv ostida", "suvga tushib ketdi", "suvga yiqildi", "muz ostiga", "tutqanoq", "qimirlamayapti", "ingrayapti", "yuragi ushlab", "turolmayapti", "yiqilib yotibdi", "titrayapti", "agʻdarilib", "agʻdarildi",
      "без сознания", "потерял сознание", "потеряла сознание", "не дышит", "плохо дышит", "пена изо рта", "истекает кровью", "в крови", "весь в крови", "=тонет", "=тонут", "утонул", "под водой", "провалился под лёд", "провалился под лед", "передозиров", "не шевелится", "стонет", "судорог", "не может встать", "перевернул"
    ],
    unless: ["=it", "=ит", "itlar", "собак", "quturgan", "бешен"],
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
      "meni kechiringlar", "meni kechirasizlar", "rozi boʻlinglar", "hammaga rozi", "meni qidirmanglar", "meni izlamanglar", "meni boshqa koʻrmaysiz", "meni koʻrmaysiz", "boshqa koʻrmaysizlar", "bu dunyoda joyim", "alvido", "bolalarimga qarang", "bolalarni asra", "oʻzini mashina", "oʻzini poyezd",
      "прости меня за всё", "прости меня за все", "простите меня за всё", "простите меня за все", "прощайте", "=прощай", "не ищите", "никому мешать", "таблетки выпил", "выпила таблетки", "выпил таблетки", "бросается под", "под колёса", "под колеса", "береги детей", "больше так не могу", "последнее сообщение"
    ],
    note: "A suicide threat or attempt, or a farewell message.", examples: ["Qizim oʻz joniga qasd qilmoqchi ekanini aytdi", "Сын грозится покончить с собой", "U «hammaga rozi boʻlinglar, meni qidirmanglar» deb yozdi"],
    source: "Law on the protection of the health of citizens (1996): care for persons at risk of suicide; " + duty
  },
  {
    id: "cue.abduction", kind: "abduction", negatable: false,
    match: [
      "oʻgʻirlab ketishdi", "oʻgʻirlab ketdi", "oʻgʻirlab ketishyapti", "kuch bilan olib ketishdi", "zoʻrlab olib ketishdi", "majburlab olib ketishdi", "mashinaga tiqib", "garovga",
      "похитили", "похитил", "похищ", "затащили в машину", "затолкали в машину", "увезли силой", "силой увезли", "заложник"
    ],
    context: people, window: 6,
    note: "A person taken away by force.", examples: ["Qizimni kuch bilan olib ketishdi", "Девушку затащили в машину и увезли"],
    source: crime("Art. 137 (abduction); Art. 245 (taking hostages)")
  },
  {
    id: "cue.harm", kind: "harm",
    match: [
      "=urdi", "=urib", "=uradi", "=urgan", "=uryapti", "=urayapti", "=uraapti", "=urishdi", "=urishyapti", "=urishayapti", "=urmoqda", "=urishmoqda", "=urilyapti", "urushyapti", "urushishyapti", "olishyapti",
      "kaltak", "doʻppos", "doʻpos", "savala", "sabala", "musht", "tepdi", "tepib", "tepyapti", "tepishyapti", "tepkila", "boʻgʻdi", "boʻgʻib", "boʻgʻyapti", "boʻgʻishga", "boʻgʻmoqchi", "pichoqla", "pichoq ur", "sanchdi", "yiqitib", "yerga yiqit", "sudrab",
      "tashlanyapti", "tashlanib", "tashlanmoqda", "tashlandi", "hujum", "itarib", "tishlab", "tishladi", "oʻrab oldi", "bostirib kir", "kirib oldi", "qurol oʻqtal", "oʻqtalib", "oʻqityapti", "qoʻl koʻtar", "jarohat", "yarador", "qonatib", "qonini", "boshini yor", "boshimni yor", "talayapti", "talashyapti", "bosqin", "eshikni sindir", "eshiklarni sindir", "кассу", "kassani", "грабят", "грабит", "ограбл", "разбой", "пробил голову", "разбил голову", "выламыва",
      // Idioms and euphemisms for beating.
      "tarbiyalay", "tarbiya qil", "tarbiya beryapti", "adabini ber", "adabini beryapti", "taʼzirini ber", "dakki ber", "boplab", "ezgʻila", "qiynayapti", "qiynoq",
      "избива", "избил", "избив", "бьёт", "бьет", "бьют", "=бил", "=била", "=били", "побои", "ударил", "ударила", "ударили", "ударяет", "душит", "душил", "задуш", "пинает", "пинают", "пинал", "=напал", "напали", "нападает", "нападают", "дерутся", "драка", "=режет", "порезал",
      "пырнул", "ранил", "ранен", "=ранение", "насилу", "насилие", "изнасил", "топчут", "затопчут", "забивают", "убивает", "убивают", "ломает дверь", "ломится", "выбивает дверь",
      "толкнул", "повалили", "повалил", "=бей", "рвут", "окружил", "покусал", "кусает", "вломил", "ворвал", "целится", "учит жизни", "учит жену", "воспитыва", "поднял руку", "поднимает руку", "распускает руки", "руки распускает", "разборк", "razborka", "razborki", "=мутузит"
    ],
    unless: ["yil oldin", "год назад", "лет назад", "oy oldin", "месяц назад"],
    note: "Violence, also told by an idiom (\"tarbiyalayapti\", \"adabini beryapti\", \"учит жизни\").", examples: ["Erim meni uryapti", "Qoʻshnimiz xotinini tarbiyalayapti yana", "Сосед снова учит жену жизни"],
    source: crime("Art. 104-109 (bodily harm), Art. 126-1 (domestic violence)")
  },
  {
    id: "cue.threat", kind: "threat",
    match: [
      "oʻldiraman", "oʻldiramiz", "oʻldiradi", "oʻldirib qoʻyadi", "oʻldirib qoʻyaman", "oʻldirmoqchi", "oʻldiryapti", "oʻldirishadi", "oʻldiraylik", "soʻyaman", "soʻyib tashla", "soʻyib qoʻy", "otib tashlayman", "otib oʻldir", "otaman deb", "hammangni",
      "jonimga qasd", "joniga qasd qil", "qon toʻkiladi", "tirik qoʻymay", "jonini ol", "hisob-kitob qil", "oʻlamiz", "tinchitaman", "=tirik qoʻymayman", "pichoq koʻrsat", "qurol koʻrsat", "toʻpponcha koʻrsat", "pichoq bilan qoʻrqit", "qurol bilan qoʻrqit", "=tirik qoʻymaymiz", "=tirik qoldirmayman", "oʻlduryapti", "oʻlduraman", "oʻldurib", "oʻldiryapmi", "yoʻq qilaman", "boshingni olaman", "kallangni olaman", "kuydiraman", "yoqib yuboraman", "tahdid qilib", "oʻqtal", "silkitib", "koʻrsatib qoʻrqit", "oʻldirishidan qoʻrq", "oʻldirib qoʻyishidan",
      "=убью", "=убьёт", "=убьет", "=убьют", "=убить", "=убьем", "=убьём", "зарежу", "зарежет", "прирежу", "прирежет", "пристрелю", "пристрелит", "застрелю", "застрелит", "=прибью", "доделает начатое", "показал нож", "показывает нож", "угрожая ножом", "угрожал ножом", "угрожает ножом", "с ножом в руке", "доделаю начатое", "закончу начатое", "тебе не жить", "не жилец", "уничтожу", "закопаю", "сожгу", "подожгу", "размахива", "наставил", "=прибьёт", "=прибьет", "задушу", "порешу", "грозится убить", "угрожает убить", "обещал убить", "закончит со мной", "по-настоящему", "будет плохо", "конец тебе"
    ],
    unless: ["mushuk", "=it", "itlar", "itlarni", "hayvon", "кошк", "собак", "животн"],
    note: "A threat to kill or maim (not an animal).", examples: ["Qoʻshnim meni oʻldiraman deb qoʻrqitdi", "Муж кричит, что убьёт её", "Эрим мени ўлдираман деяпти"],
    source: crime("Art. 112 (threat of murder or violence)")
  },
  {
    id: "cue.weapon", kind: "weapon",
    match: [
      "pichoq", "pichogʻ", "qurol", "miltiq", "miltigʻ", "toʻpponcha", "=bolta", "=boltasi", "boltani", "bolta bilan", "=tesha", "granata", "portlovchi", "travmatik", "armatura", "sanchqi", "kastet", "=tayoq", "tayoq bilan", "tayoqlar", "temir bilan", "=bolgʻa", "bolgʻa bilan", "shisha bilan", "=oʻq otdi", "oʻq uzdi", "oʻq ovozi",
      "=нож", "=ножом", "=ножа", "=ножи", "=ножик", "ножиком", "пистолет", "ружьё", "ружье", "ружья", "ружьём", "ружьем", "оружи", "травмат", "обрез", "граната", "гранат", "взрывчат", "стреля", "выстрел", "=топор", "=топором", "кастет", "=битой", "битами", "арматур", "=вилы", "=вилами", "молотк", "бутылкой", "розочк"
    ],
    unless: ["oshxona pichogʻi sotiladi", "ov qilish uchun ruxsat", "разрешение на охотничье", "yil oldin", "год назад", "лет назад"],
    note: "A weapon shown, used or threatened with (knife, firearm, axe, rebar, bat).", examples: ["Qoʻlida pichoq bilan odamlarga tashlanyapti", "Сосед вышел с ружьём на балкон", "Ҳовлида милтиқ бор"],
    source: crime("Art. 247-248 (weapons)")
  },
  {
    id: "cue.now", kind: "now", negatable: false,
    match: [
      "=hozir", "hozirning oʻzida", "hozirgina", "=xozir", "xozirgina", "=hozr", "ayni vaqtda", "shoshiling", "yetib kelsin", "yetib borsin", "yashirinib", "=hozirda", "hozir ham", "hoziroq", "ayni paytda", "ayni damda", "shu paytda", "shu topda", "shu zahoti", "=tezroq", "=tezrok", "=tezda", "tez keling", "tez kelinglar", "tez yetib", "tez yordam", "tez kimnidir", "zudlik bilan", "shoshilinch", "darhol", "darrov", "=dod", "=voy",
      "yordam bering", "yordam beringlar", "yordam qiling", "qutqaring", "qutqar", "keling iltimos", "kelinglar", "yetib keling", "kimdir kelsin", "bir odam yuboring", "kimnidir yuboring", "odam yuboring", "hamon", "hali ham shu yerda",
      "yordam deb qichqir", "dod deb", "dod solib", "voy oʻldim",
      "сейчас", "прямо сейчас", "=скорей", "поторопитесь", "прячусь", "спряталась", "спрятался", "спрятались", "в данный момент", "в эту минуту", "=срочно", "немедленно", "=быстрее", "=скорее", "помогите", "спасите", "приезжайте", "пришлите", "пусть кто-нибудь", "только что", "всё ещё", "все еще", "pomogite", "srochno",
      "кричит о помощи", "крики о помощи", "зовёт на помощь", "зовет на помощь", "просит о помощи"
    ],
    unless: ["tez-tez", "hozirgi kunda", "hozirgacha javob", "srochno primite"],
    note: "Immediacy: now, urgently, come quickly, help, cries for help, in every script and language.", examples: ["Hozir qoʻshnilar urishyapti, tezroq keling", "Срочно приезжайте", "Ёрдам беринглар"],
    source: duty
  },
  {
    id: "cue.vulnerable", kind: "vulnerable", negatable: false,
    match: [
      "=bola", "=bolam", "bolamni", "bolasi", "bolani", "bolakay", "bolacha", "goʻdak", "chaqaloq", "kichkina bola", "kichkina qiz", "kichkina oʻgʻil", "murgʻak", "qizcha", "nevaram", "nabiram",
      ...childAges,
      "keksa", "kampir", "=chol", "buvi", "bobo", "otaxon", "onaxon", "nogiron", "demensiya", "xotirasini yoʻqot", "yodini unut", "aqli zaif", "homilador", "yotib qolgan", "yurolmaydi", "oʻrnidan turolmay",
      "diabet", "диабет", "yurak xasta", "сердечник", "oʻsmir", "подрост", "ребён", "ребен", "малыш", "младен", "маленьк", "мальчик", "девочк", "=дитя", "грудн", "лет пяти", "лет трёх", "лет трех", "лет четырёх", "двое детей", "трое детей", "двое малыш", "=2 ta bola", "=3 ta bola", "ikki bola", "ikkita bola",
      "пожил", "бабушк", "дедушк", "старик", "старушк", "инвалид", "лежач", "деменц", "парализ", "беремен"
    ],
    note: "A small child, or an old, disabled, bedridden or pregnant person.", examples: ["3 yoshli qizcha", "Бабушка 82 лет с деменцией"],
    source: "Law on guarantees of the rights of the child (2008); " + duty
  },
  {
    id: "cue.alone", kind: "alone", negatable: false,
    match: [
      "yolgʻiz qoldi", "yolgʻiz qolgan", "yolgʻiz qolibdi", "uyda yolgʻiz", "yolgʻiz oʻynayapti", "yolgʻiz oʻynab", "yolgʻiz yigʻlab", "yolgʻiz oʻtiribdi", "yolgʻiz yuribdi", "qarovsiz", "nazoratsiz qolgan", "hech kim yoʻq", "kattalar yoʻq", "atrofda hech kim",
      "ota-onasi yoʻq", "qulflab ketgan", "qulflab ketishgan", "qulflab qoʻyilgan", "qulf uyda", "eshik qulf", "qamab ketgan", "qamab ketishgan", "qamab qoʻyilgan", "qamab qoʻydi", "qamab qoʻyishdi", "qamalib qolgan", "ichkarida qolib ketgan", "ichkarida qoldi", "ochmayapti", "ochilmayapti",
      "один дома", "одна дома", "одни дома", "оставили одного", "оставили одну", "оставили одних", "без присмотра", "без взрослых", "взрослых нет", "взрослых рядом нет", "никого нет", "никого рядом", "заперт", "заперли", "=запер", "заперся", "не открывает", "не открывают", "родителей нет", "родителей нигде"
    ],
    note: "Alone now, locked in, with nobody looking after.", examples: ["Bola uyda yolgʻiz qoldi", "Дети одни дома, дверь заперта"],
    source: duty
  },
  {
    id: "cue.hazard", kind: "hazard", negatable: false,
    match: [
      "=ariq", "ariq boʻyida", "ariqqa", "ariqda", "kanal boʻyida", "kanalga tush", "daryo", "hovuz", "suv ombori", "suv havzasi", "quduq", "=muz", "muz ustida", "oqar suv", "suvga tushib",
      "tomida", "tom ustida", "tomning chetida", "tomga chiqib", "kran", "balkon chetida", "deraza tokcha", "tokchasida", "deraza ochiq", "chuqurga", "chuqur ichida", "qurilish maydonchasi", "qurilishda", "katta yoʻlga", "katta yoʻlda", "trassa", "temir yoʻl", "relslar", "ayoz", "qor yogʻyapti", "koʻprik", "chetida", "transformator", "podstansiya", "ochiq sim", "simlar ochiq", "jarlik", "=jarga", "togʻda", "togʻga", "qayiq", "choʻmil", "suzib ketdi", "suzib ketgan", "narigi qirgʻoq", "tushib ketishi mumkin", "tushib ketishlari mumkin", "на краю",
      "=пруд", "пруду", "пруда", "в канал", "у канала", "=река", "=реке", "=реку", "озер", "водоём", "водоем", "колодец", "колодц", "на льду", "лёд тонкий", "лед тонкий", "на крыше", "крышу", "=кран", "край балкона", "подоконник", "окно открыто", "открытое окно", "котлован", "стройк", "в яму", "трасс", "проезжую часть", "железн дорог", "рельс", "мороз", "оборванный провод", "оборван провод", "на мосту", "=мост", "трансформатор", "подстанц", "оголённ", "оголен", "голые провода", "=обрыв", "обрывы", "обрыва", "в горах", "в горы", "=лодк", "на лодке", "купаться", "поплыл", "другой берег", "шторм", "ветрен"
    ],
    note: "A dangerous place: water, ice, a roof or window ledge, a building site, a road or railway, frost, a broken wire.", examples: ["Bola ariq boʻyida oʻynayapti", "Дети на крыше гаражей"],
    source: duty
  },
  {
    id: "cue.missing", kind: "missing", negatable: false,
    match: [
      "qaytmadi", "qaytmagan", "qaytib kelmadi", "uyga kelmadi", "uyga kelmagan", "hali kelmadi", "hali yoʻq", "hali ham yoʻq", "hali ham kelmadi", "darak yoʻq", "darakini", "bedarak", "izsiz", "yoʻqolib qoldi", "yoʻqoldi", "topilmayapti", "topolmayapmiz", "topa olmayapmiz", "qidiryapmiz", "qidirib topolmay", "hamma joyni qidir", "qidirdik", "maktabda ham boʻlmabdi", "ishda ham yoʻq", "koʻrinmaydi", "gʻoyib boʻldi", "hech joyda yoʻq", "hech qayerda yoʻq", "bugun ham kelmadi", "на работе его нет", "на работе её нет", "на работе ее нет", "uyida yoʻq", "uydan chiqib ketibdi", "qaytishi kerak edi", "kelishi kerak edi", "qaytaman degan", "qaytaman dedi", "topilmadi", "topolmadik", "topa olmadik", "soat boʻldi",
      "ishga bormagan", "maktabga bormagan", "manzilga yetmagan", "yetib bormagan", "yetib kelmadi",
      "не вернулся", "не вернулась", "не вернулись", "не пришёл домой", "не пришел домой", "не пришла домой", "не доехал", "не доехала", "пропал", "пропала", "пропали", "исчез", "исчезла", "до сих пор нет", "не можем найти", "нигде нет", "ищем", "без вести", "нет дома", "ушла из дома", "ушёл из дома", "ушел из дома", "обещал вернуться", "обещала вернуться", "должен был вернуться", "должна была вернуться", "должен был прийти", "должна была прийти", "не нашли", "её нигде", "ее нигде", "его нигде", "не появлялся", "не появлялась", "уже сутки", "сутки нет"
    ],
    context: people, window: 25,
    note: "Someone did not come back or cannot be found.", examples: ["Oʻgʻlim maktabdan uyga qaytmadi", "Бабушка ушла и не вернулась"],
    source: duty
  },
  {
    id: "cue.unreachable", kind: "unreachable", negatable: false,
    match: [
      "telefoni oʻchiq", "telefon oʻchiq", "telefoni oʻchirilgan", "telefonini oʻchir", "telefonini koʻtarmay", "telefonni koʻtarmay", "telefonini olmay", "telefonni olmay", "telefon javob bermay", "aloqaga chiqmay", "aloqa yoʻq", "aloqaga chiqmadi", "telefonini uyda qoldir",
      "телефон выключен", "телефон отключен", "выключил телефон", "выключила телефон", "недоступен", "недоступна", "недоступны", "вне зоны", "не берёт трубку", "не берет трубку", "не отвечает на звонки", "связи нет", "нет связи", "не выходит на связь", "ни звонка", "=абонент", "tarmoqda emas", "chaqirsak javob yoʻq", "javob bermayapti", "стучим, не открывает"
    ],
    note: "Someone cannot be reached.", examples: ["Telefoni oʻchiq, uyga kelmadi", "Телефон выключен второй день"],
    source: duty
  },
  {
    id: "cue.crowd", kind: "crowd", negatable: false,
    match: ["olomon", "=toʻda", "toʻdasi", "guruh", "bir guruh", "koʻpchilik", "bir necha kishi", "bir nechta yigit", "yigitlar", "odamlar", "толпа", "толпой", "групп", "несколько человек", "=трое", "=четверо", "=пятеро", "парни", "толпе"],
    note: "A crowd or a group of people.", examples: ["Bir guruh yigitlar bir kishini urishyapti", "Толпа избивает мужчину"],
    source: crime("Art. 277 (hooliganism by a group)")
  },
  {
    id: "cue.driver", kind: "driver", negatable: false,
    match: [
      "mast haydovchi", "haydovchi mast", "haydovchisi mast", "mast holda hayd", "mast holda rul", "mast holda mashina", "mast holda haydab", "haydab ketmoqchi", "bosib ket", "bosib oladi", "bostirib kel", "qarama-qarshi", "oʻynatib", "tez haydayapti", "jinnilarcha hayd", "oʻzini yoʻqotib hayd", "=drift", "gonka", "tormozsiz", "trotuarga chiqib", "tratuarga chiqib",
      "пьяный водитель", "пьяный сел за руль", "сел за руль пьяный", "пьяным за руль", "пьяный за рулём", "пьяный за рулем", "водитель пьян", "на встречку", "по встречке", "зигзаг", "собьёт", "собьет", "сбить", "давит людей", "гоняет", "гоняют", "дрифт", "виляет", "без тормоз", "въехала на тротуар", "въехал на тротуар", "на большой скорости"
    ],
    note: "A driver driving dangerously (drunk, against the traffic, at people).", examples: ["Mast haydovchi mahalla ichida haydayapti"],
    source: "Code of Administrative Responsibility, road traffic; " + duty
  }
]

// --- urgency rules -----------------------------------------------------------------------------

export const defaultUrgency: ReadonlyArray<UrgencyRule> = [
  { id: "urgent.fire", when: ["fire"], signal: "lifeAtRisk", note: "Fire, smoke, gas, a collapse or an electric shock, now.", source: duty },
  { id: "urgent.medical", when: ["medical"], signal: "lifeAtRisk", note: "Someone unconscious, not breathing, bleeding or drowning.", source: duty },
  { id: "urgent.suicide", when: ["suicide"], signal: "threatToLife", note: "A suicide threat or a farewell message.", source: duty },
  { id: "urgent.abduction", when: ["abduction"], signal: "threatToLife", note: "A person taken away by force.", source: crime("Art. 137, 245") },
  { id: "urgent.violenceNow", when: ["harm", "now"], window: 12, signal: "violenceNow", note: "Violence together with a \"now\", a call for help, or a verb in the present continuous.", source: crime("Art. 104-109, 126-1") },
  { id: "urgent.threatNow", when: ["threat", "now"], window: 15, signal: "threatToLife", note: "A threat to kill together with a \"now\" or a call for help.", source: crime("Art. 112") },
  { id: "urgent.weaponNow", when: ["weapon", "now"], window: 15, signal: "weapon", note: "A weapon together with a \"now\" or a call for help.", source: crime("Art. 247-248") },
  { id: "urgent.weaponUsed", when: ["weapon", "harm"], window: 8, signal: "weapon", note: "A weapon used in violence.", source: crime("Art. 247-248, 104-109") },
  { id: "urgent.weaponThreat", when: ["weapon", "threat"], window: 12, signal: "weapon", note: "A threat with a weapon.", source: crime("Art. 112, 247-248") },
  { id: "urgent.crowdAttack", when: ["crowd", "harm", "now"], window: 15, signal: "crowdAttack", note: "A crowd or a group attacking someone, now.", source: crime("Art. 104-109, 277") },
  { id: "urgent.helplessAlone", when: ["vulnerable", "alone"], window: 10, signal: "childInDanger", note: "A small child or a helpless person alone or locked in.", source: "Law on guarantees of the rights of the child (2008); " + duty },
  { id: "urgent.helplessHazard", when: ["vulnerable", "hazard"], window: 8, signal: "childInDanger", note: "A small child or a helpless person in a dangerous place.", source: "Law on guarantees of the rights of the child (2008); " + duty },
  { id: "urgent.helplessNow", when: ["vulnerable", "now"], window: 15, signal: "childInDanger", note: "A small child or a helpless person, and the writer asks for help now.", source: "Law on guarantees of the rights of the child (2008); " + duty },
  { id: "urgent.hazardNow", when: ["hazard", "now"], window: 10, signal: "lifeAtRisk", note: "A dangerous place (water, heights, a road), and the writer asks for help now.", source: duty },
  { id: "urgent.lockedInNow", when: ["alone", "now"], window: 15, signal: "childInDanger", note: "Someone locked in or left alone, and the writer asks for help now.", source: duty },
  { id: "urgent.missingUnreachable", when: ["missing", "unreachable"], window: 30, signal: "personMissing", note: "Someone did not come back and cannot be reached.", source: duty },
  { id: "urgent.missingHelpless", when: ["missing", "vulnerable"], window: 20, signal: "personMissing", note: "A child or a helpless person did not come back.", source: duty },
  { id: "urgent.missingHazard", when: ["missing", "hazard"], window: 30, signal: "personMissing", note: "Someone did not come back from a dangerous place (water, mountains, a road).", source: duty },
  { id: "urgent.unreachableHarm", when: ["unreachable", "harm"], window: 30, signal: "personMissing", note: "Someone cannot be reached, and violence is told around them.", source: duty },
  { id: "urgent.missingNow", when: ["missing", "now"], window: 20, signal: "personMissing", note: "Someone did not come back, and the writer asks for help now.", source: duty },
  // A danger sign alone: not enough to be sure, too much to leave normal. A person decides first.
  { id: "unsure.threat", when: ["threat"], level: "unsure", signal: "threatToLife", note: "A threat to kill or maim, with nothing saying it is happening now.", source: crime("Art. 112") },
  { id: "unsure.weapon", when: ["weapon"], level: "unsure", signal: "weapon", note: "A weapon, with nothing saying it is used or shown now.", source: crime("Art. 247-248") },
  { id: "unsure.missing", when: ["missing"], level: "unsure", signal: "personMissing", note: "Someone did not come back, with nothing saying they are helpless or unreachable.", source: duty },
  { id: "unsure.alone", when: ["alone"], level: "unsure", signal: "childInDanger", note: "Someone alone or locked in, with nothing saying who.", source: duty },
  { id: "unsure.driver", when: ["driver"], level: "unsure", signal: "dangerousDriver", note: "A dangerous driver, with nothing saying it is now.", source: "Code of Administrative Responsibility, road traffic; " + duty },
  { id: "urgent.driverNow", when: ["driver", "now"], window: 15, signal: "dangerousDriver", note: "A dangerous driver on the road now.", source: "Code of Administrative Responsibility, road traffic; " + duty }
]

/**
 * Endings of the Uzbek present continuous (as matching keys): a violence, threat or weapon cue on a
 * word with one of them is happening now ("uryapti", "tepishyapti", "kaltaklamoqda").
 */
export const progressive: ReadonlyArray<string> = ["yapti", "yaptilar", "yapmiz", "yapsan", "yapsiz", "yapman", "yotibdi", "yotir", "mokda", "mokdalar", "ayapti", "vatti", "votti"]

/**
 * Polite formulas and greetings: they carry no topic and no danger, so no rule, cue or model feature
 * reads their words ("Hurmatli inspektor" does not make a complaint about an officer). Appended to or
 * put before any appeal, they change nothing (a property test checks it).
 */
export const defaultFillers: ReadonlyArray<string> = [
  "assalomu alaykum", "assalom alaykum", "assalomu aleykum", "salom", "hurmatli inspektor", "hurmatli inspektor aka", "hurmatli inspektor opa", "hurmatli uchastkovoy",
  "hurmatli profilaktika inspektori", "chora koʻrishingizni soʻrayman", "chora koʻrishingizni soʻraymiz", "chora koʻring", "koʻrib chiqishingizni soʻrayman",
  "oldindan rahmat", "katta rahmat", "rahmat", "hurmat bilan", "xayrli kun",
  "здравствуйте", "добрый день", "добрый вечер", "доброе утро", "уважаемый инспектор", "уважаемый участковый", "уважаемый участковый инспектор", "прошу принять меры",
  "прошу разобраться", "прошу рассмотреть", "заранее спасибо", "заранее благодарю", "спасибо", "с уважением"
]
