/**
 * Data: a small concept lexicon shared by Uzbek and Russian, so that the same incident told in the
 * two languages meets on the same concepts ("shovqin" and "шум" are both `noise`). Each concept
 * lists word beginnings as people write them (Latin, Cyrillic, Russian, and Russian in Latin
 * letters); they are folded once with triage's fold (script, apostrophes, q→k, x→h), so one entry
 * covers every script and apostrophe variant, and a folded word of the text matches an entry when
 * it begins with it. Entries are beginnings of at least four letters (three where the word is
 * short and unambiguous) so that suffixes of both languages still match.
 *
 * Documented in docs/rules/duplicates.md (rendered from this table).
 */
export interface Concept {
  readonly id: string
  /** `problem`: what is wrong (noise, theft); `setting`: who or where (children, a shop), weaker evidence. */
  readonly kind: "problem" | "setting"
  readonly en: string
  readonly words: ReadonlyArray<string>
}

export const concepts: ReadonlyArray<Concept> = [
  { id: "noise", kind: "problem", en: "noise, loud music", words: ["shovqin", "baland ovoz", "musiqa", "karaoke", "ovoz", "shum", "шум", "шумн", "громк", "музык", "muzyk", "gromk", "караоке", "tovush", "perforator", "перфоратор", "дрел", "drel", "signalizats", "сигнализац", "karnay", "карнай", "громкоговор", "воет", "qoʻshiq", "песн", "поют", "поёт", "микрофон", "колонк", "kolonka", "dinamik", "генератор", "generator", "компрессор", "kompressor", "грохот", "стучат", "стук ", "taqillat", "taraqla", "gumbur", "диджей", "орут", "орёт", "орет", "визж", "визг"] },
  { id: "night", kind: "setting", en: "at night", words: ["kechasi", "kecha soat", "tunda", "tun", "yarim kech", "ночь", "ночью", "noch", "ночн"] },
  { id: "wedding", kind: "setting", en: "wedding hall, party", words: ["toyxona", "тўйхона", "toy ", "svadb", "свадь", "свадеб", "банкет", "ресторан", "restoran", "ziyofat", "вечерин", "tusovk", "туса", "toyd", "toyg", "тўйд", "тўйг"] },
  { id: "beating", kind: "problem", en: "beating, violence, fight", words: ["urish", "urdi", "urad", "kaltak", "mushtla", "janjal", "бьёт", "бьет", "избив", "избил", "драк", "дерут", "подрал", "кричит", "крик", "qichqir", "baqir", "zorav", "насили", "mushtlash", "dork", "побо", "тумак", "jarohat", "жароҳат", "травм", "ранен", "ударил", "удари", "пырнул", "порезал", "ножев", "mushtlash", "urishib", "дрался", "дралась", "дрались", "uryap", "urib", "урибди", "uribdi", "yuziga ur", "пощёчин", "пощечин", "шапалоқ", "shapaloq", "urush", "tepyap", "tepib", "tepdi", "пинает", "пинал"] },
  { id: "family", kind: "setting", en: "wife, husband, family", words: ["xotin", "turmush", "eri ", "erim", "эрим", "жена", "жену", "муж ", "мужа ", "мужу ", "мужем ", "супруг", "onam", "onasi", "onamni", "onasiga", "мать ", "матери ", "маму ", "мама ", "мамы ", "otam", "отец ", "отца ", "отцу ", "келин ", "kelin ", "kelini", "kelinim", "kelinni", "kelinga", "kuyov", "зять", "qaynona", "свекр", "ota-ona", "oilav", "семей", "семья"] },
  { id: "threat", kind: "problem", en: "threat", words: ["qoʻrqit", "pichoq", "tahdid", "угрож", "угроз", "нож", "ugroj", "ugroz", "пистолет", "травмат", "qurol", "оруж", "o'ldiraman", "убью", "убить", "miltiq", "ружь", "обрез", "патрон", "pistolet"] },
  { id: "theft", kind: "problem", en: "theft, burglary", words: ["oʻgʻir", "oʻgʻri", "olib ketish", "yoʻqol", "краж", "украл", "укради", "вор ", "вора ", "воры", "воров", "вору", "воришк", "похит", "ukral", "угна", "ugna", "kraj", "pokhish", "вскры", "взлом", "ограб", "срезал", "выхват", "snatch", "проник", "tilla", "золот", "tortib ol", "tortib ket", "ugri", "обокра", "ограбил", "отобра", "отнял", "otobral", "olib qoch", "olib ketishdi", "olib ketibdi", "mashina yoʻq", "mashinam yoʻq", "joyida yoʻq", "пропала машина", "нет машины", "не оказалось", "утащил", "утащи", "стащил", "стащи", "obokral", "вытащил", "вытащи", "карманн", "hamyon", "кошел"] },
  { id: "fraud", kind: "problem", en: "fraud, scam, money", words: ["firib", "aldab", "aldash", "aldad", "мошен", "обман", "moshen", "afer", "афер", "предоплат", "olx", "karta ", "kartam", "kartadan", "kartasi", "kartamdan", "карта ", "карту ", "карты ", "картой ", "карточк", "смс код", "sms kod", "pul ", "pulim", "pulni", "деньг", "денег", "перевод", "сняли ден", "snyali den", "pul yechib", "kredit", "кредит", "ипотек", "ipotek", "банк ", "банка ", "банке ", "bank ", "bankdan", "bank xavfsizlik", "служб безопасност", "представля", "колл-центр", "коллцентр", "call-markaz", "call markaz", "qoʻngʻiroq qilib", "lotereya", "лотере", "выигрыш", "yutuq", "piramida", "пирамид", "инвестиц", "investits", "kripto", "крипт", "развели на", "развёл на", "razveli", "qarz", "долг", "займ", "микрозайм", "mikroqarz", "рассрочк"] },
  { id: "dogs", kind: "problem", en: "stray dogs, dogs", words: ["it ", "itlar", "itlari", "iti ", "itni", "daydi it", "собак", "пёс", "пес ", "psy", "sobak", "kuchuk", "щен", "tishla", "кусa", "укус", "покус", "тишла", "овчарк", "ovchark", "лает", "лают", "лай ", "собач", "uvilla", "akilla", "vovulla", "kuchug", "kuchig", "itini", "itim ", "itimni", "itlarini", "itiga", "бродяч", "бешен", "quturgan"] },
  { id: "animals", kind: "problem", en: "cats, pigeons, animals", words: ["mushuk", "кошк", "кот ", "коты", "kaptar", "голуб", "hayvon", "животн", "zahar", "отрав", "яд ", "sichqon", "kalamush", "крыса", "крысы", "крыс ", "крысами", "мышь", "мыши", "мышей", "таракан", "suvarak", "tarakan", "qoʻchqor", "qoʻy boq", "tovuq", "sigir", "echki", "chorva", "mol boq", "баран", "овц", "куриц", "коз ", "козы", "корова", "скот", "hoʻkiz", "buqa", "бык ", "быка", "быки", "быком", "бугай", "qoramol", "mollar", "корова", "коровы", "корову", "коров ", "лошад", "eshak", "ишак", "осёл", "ilon", "змея", "змеи", "змей", "птиц", "qushlar"] },
  { id: "water", kind: "problem", en: "water, pipes, drains, flooding", words: ["suv ", "suvi", "suvni", "suvga", "suv bos", "вода", "воды ", "воду", "водой", "водо", "водян", "voda", "vodu", "kanaliz", "канализ", "truba", "труба", "трубы", "трубу", "трубе", "трубо", "quvur", "ariq", "ариқ", "арык", "затоп", "топит", "zatop", "oqyapti", "oqmoqda", "течёт", "течет", "протеч", "ливнев", "ertula", "подвал", "podval", "kanal", "канал", "zovur", "kran", "кран ", "крана", "краны", "насос", "nasos", "потоп", "залива", "залил", "zalil", "лужа", "лужи", "koʻlmak", "oqava", "сток "] },
  { id: "light", kind: "problem", en: "street lighting, electricity", words: ["chiroq", "yoritish", "qorongʻi", "фонар", "освещ", "свет", "svet", "fonar", "темно", "temno", "elektr", "электр", "провод", "kabel", "кабел", "sim ", "simlar", "simni", "столб", "ustun", "lampoch", "лампоч", "transformator", "трансформатор", "подстанц", "podstansiya", "электросет", "elektr tarmoq", "замыкан", "qisqa tutash", "tok ", "tokni", "tokka", "ток ", "тока ", "током", "rozetka", "розетк", "щиток", "shitok", "счётчик", "счетчик", "hisoblagich"] },
  { id: "drunk", kind: "problem", en: "drunk, alcohol, smoking", words: ["mast ", "mastlar", "mastlik", "mastlig", "ichib", "ichkilik", "aroq", "пьян", "алкогол", "pyan", "водк", "spirt", "спирт", "пиво", "pivo", "ichimlik", "chekish", "курят", "кальян", "kalyan", "пьют", "распива", "выпива", "бухают", "алкаш", "alkash", "сигарет", "sigaret", "tamaki", "табак"] },
  { id: "drugs", kind: "problem", en: "drugs, pills, vapes", words: ["нарко", "nark", "giyoh", "закладк", "таблет", "tabletk", "nasvay", "насвай", "вейп", "vape", "shprits", "шприц", "порошок", "порошк", "poroshok", "kukun", "пакетик", "paketcha", "анаша", "anasha", "гашиш", "марихуан", "травк", "spays", "спайс", "обкур", "укуренн", "кайф"] },
  { id: "children", kind: "setting", en: "children, teenagers, school", words: ["bola", "bolalar", "oʻsmir", "oʻquvchi", "дет", "ребён", "ребен", "подрост", "школьн", "ученик", "deti", "rebyon", "podrost", "maktab", "школ", "shkol", "sinf", "класс", "farzand", "oʻgʻlim", "qizim", "сын ", "сына", "сыну", "сыном", "сынок", "дочь", "дочк", "bogʻcha", "детсад", "садик", "yosh yigit", "молодёж", "молодеж", "yoshlar", "девоч", "мальчик", "malchik", "qizcha", "oʻgʻil bola", "bolakay", "chaqaloq", "младен", "малыш", "старшекласс", "школьниц"] },
  { id: "missing", kind: "problem", en: "missing person", words: ["yoʻqolib", "qaytmadi", "topilmayapti", "пропал", "пропа", "не вернул", "ishidan qaytm", "uyga kelmad", "потерял", "adashib", "qidiryap", "qidirib", "ищет", "ищем", "разыск", "не может сказать", "адашиб", "не выходит", "не отвечает", "chiqmayapti", "ochmayapti", "ota-onasi yoʻq", "adashgan", "потерялась", "потерялся", "деменц", "demenc", "dementsi", "не помнит", "eslay olmay", "xotirasi", "не отзыва", "не выходит на связь", "на связь не выход", "aloqaga chiqmay", "трубку не бер", "не берет трубку", "не берёт трубку", "eshikni ochmay", "не открыва"] },
  { id: "traffic", kind: "problem", en: "traffic, speeding, crossings", words: ["yoʻl harakati", "дтп", "светофор", "svetofor", "piyodalar", "пешеход", "perehod", "переход", "tezlik", "скорост", "drift", "дрифт", "gonka", "гонк", "poyga", "urib ketdi", "сбил", "sbil", "avariya", "авария", "аварии ", "lejachiy", "лежачий", "знак ", "знака", "знаки", "дорожн", "yoʻl belgi", "зебр", "zebra", "не пропуст", "задел", "urib qoch", "проезж", "тротуар", "trotuar", "avtomobil yoʻl", "urildi", "urilib", "toʻqnash", "столкн", "врезал", "въехал", "наехал"] },
  { id: "vehicle", kind: "setting", en: "cars, bikes, parking", words: ["mashina", "машин", "avto", "авто", "haydovchi", "водител", "voditel", "мотоцикл", "motosikl", "mototsikl", "moped", "мопед", "самокат", "электросамокат", "elektrosamokat", "samokat", "velosiped", "велосипед", "парков", "turargoh", "стоянк", "колес", "gʻildirak", "oyna", "стекл", "зеркал", "akkumulyator", "аккумулятор", "kamaz", "камаз", "грузовик", "yuk mashina", "nexia", "нексия", "gentra", "джентра", "spark", "спарк", "cobalt", "кобальт", "damas", "дамас", "matiz", "матиз", "moshin", "jentra", "kaptiv", "каптив", "malibu", "малибу", "neksiya", "shina", "шины", "шин ", "шинах"] },
  { id: "building", kind: "setting", en: "construction, repairs, buildings", words: ["qurilish", "строит", "stroit", "ремонт", "remont", "таъмир", "ta'mir", "пристрой", "devor", "стен", "забор", "zabor", "panjara", "гараж", "garaj", "podyezd", "подъезд", "подьезд", "lift", "лифт", "eshik", "двер", "tom ", "крыш", "balkon", "балкон", "domofon", "домофон", "yoʻlak", "лестниц", "qurilma", "podezd", "zinapoya", "зинапоя", "lestnich", "лестнич", "этаж", "etaj", "qavat", "zina"] },
  { id: "rubbish", kind: "problem", en: "rubbish, dumping, burning", words: ["chiqindi", "axlat", "musor", "мусор", "отход", "свалк", "tashlab", "выброс", "выбрас", "sement", "цемент", "yoqish", "yoqib", "сжига", "жгут", "костер", "костёр", "sjiga", "konteyner", "контейнер", "axlatxona", "chiqindixona"] },
  { id: "land", kind: "problem", en: "land, boundaries, neighbours' disputes", words: ["yerim", "yerini", "yerimiz", "yer maydon", "chegara", "участок ", "участка ", "участке ", "участку ", "земл", "межа", "граница", "tomorqa", "мерос", "meros", "наследств", "uy-joy", "ijara", "аренд", "сдают", "посуточ", "posutoch", "kvartirant", "квартирант", "захват", "egallab ol", "самовольн", "oʻzboshimcha"] },
  { id: "officer", kind: "problem", en: "complaints about officers", words: ["inspektor", "инспектор", "uchastkovy", "участков", "militsiya", "милиция", "polits", "полиц", "xodim", "сотрудник", "sotrudnik", "ariza qabul", "qabul qilmad", "не принял", "отказал", "hujjat", "документ", "паспорт", "pasport", "guvohnoma", "справк", "spravk", "характеристик", "pora ", "взятк", "vzyat", "poraxoʻr", "коррупц", "korrupts"] },
  { id: "trade", kind: "setting", en: "shops, markets, selling", words: ["doʻkon", "магазин", "magazin", "kiosk", "киоск", "bozor", "рынок", "базар", "bazar", "rynok", "sotyapti", "sotad", "sotish", "продаж", "продаю", "prodaj", "savdo", "торгов", "kafe", "кафе", "чойхон", "choyxon", "chayxan", "чайхан", "apteka", "аптек", "dorixona", "klub", "клуб", "moyka", "мойк", "ustaxona", "мастерск", "сервис", "servis", "sotuvchi", "продав", "торговц", "тележк", "arava", "заправк", "zapravk", "азс ", "azs ", "ayoqsh", "аёқш", "бензин", "benzin"] },
  { id: "harassment", kind: "problem", en: "harassment, pestering, filming", words: ["bezovta", "tinchlik bermay", "пристаё", "пристае", "домога", "преслед", "shilqim", "suratga ol", "фотограф", "tinch qoʻymay", "покоя", "kuzatib", "orqamdan", "ortimdan", "следит", "следил", "следом", "shantaj", "шантаж", "вымога", "tovlamachi", "pul talab", "пристал", "poyla", "хватал", "ushlab", "домогал", "зазыва", "звал покат", "rasmga ol", "videoga ol", "telefonga ol", "снимает на", "снимал на", "снимают на", "педофил", "pedofil", "подгляд", "pul yigʻ", "собирает с", "травл", "травят", "затрав", "буллинг", "bulling", "унижа", "kamsit", "masxara", "обнаж", "obnaj", "эксгибиц", "behayo", "uyatsiz", "odobsiz", "непристойн", "развратн", "сняли видео", "snyali video", "выложил", "выложи", "tarqatib", "распростран", "приставал", "pristaet", "soʻkin", "soʻkadi", "soʻkish", "soʻkib", "haqorat", "оскорб", "матом", "матер", "ругает", "ругают", "ругань", "сквернослов"] },
  { id: "elderly", kind: "setting", en: "elderly people", words: ["qariya", "keksa", "pensioner", "пенсионер", "бабушк", "дедушк", "buvi", "bobo", "onaxon", "старик", "старуш", "пожил", "dedushk", "pensiya", "пенсия", "пенсию", "пенсии", "yolgʻiz", "одинок", "одна живёт", "один живёт", "одна живет", "один живет", "yolgʻiz yasha"] },
  { id: "gambling", kind: "problem", en: "gambling, games", words: ["qimor", "азарт", "казино", "kazino", "ставк", "stavk", "карты игра", "playstation", "ps klub", "игров", "oʻyin", "yutqaz", "проигр", "играют в карт", "в карты", "karta oʻyn"] },
  { id: "trees", kind: "problem", en: "trees, green spaces", words: ["daraxt", "дерев", "chinor", "платан", "кесиш", "daraxtni kes", "kesib tashla", "вырубк", "вырубил", "srub", "сруб", "ko'kalam", "газон", "maysa", "park ", "parki", "parkd", "парк ", "парке", "парка", "парку", "сквер", "трава", "травы", "qamish", "favvora", "фонтан"] },
  { id: "fire", kind: "problem", en: "fire, arson, smoke, fireworks, explosions", words: ["петард", "petard", "салют", "salyut", "feyerverk", "фейерверк", "portla", "взрыв", "взорв", "yongʻin", "yondi", "yonib", "yonyapti", "yongan", "oʻt qoʻy", "olov", "tutun", "пожар", "pojar", "горит", "горел", "сгорел", "подожг", "поджог", "вспых", "огонь", "дым", "ёниб", "kuydi", "куйди", "pojarn", "пожарн", "сожг", "сожж", "kuyg", "kuyib", "yoqaman", "yoqib yubor", "uchqun", "искр", "задымл", "tutab"] },
  { id: "stop", kind: "setting", en: "bus stops, metro", words: ["bekat", "остановк", "ostanovk", "avtobus", "автобус", "metro", "метро"] },
  { id: "hole", kind: "problem", en: "holes, trenches, open manholes", words: ["xandaq", "handak", "chuqur", "траншея", "транше", "yama", "яма", "ям ", "kotlovan", "котлован", "qopqoq", "крышк", "qudu", "колодец", "колодц", "люк", "lyuk", "qopqo", "провал", "обвал", "oʻpiril"] },
  { id: "stranger", kind: "problem", en: "strangers, suspicious or homeless people", words: ["notanish", "begona", "shubhali", "бомж", "bomj", "незнаком", "посторонн", "подозрительн", "podozritel", "neznakom", "нотаниш", "бегона", "har xil erkak", "har xil odam", "har xil yigit", "разные мужчин", "разные люди", "разные парни", "какие-то парни", "какие-то люди", "какие-то мужчин", "kimlardir", "allaqanday", "nomaʼlum", "неизвестн", "tanimaymiz", "не местн", "бездомн", "uysiz"] },
  { id: "damage", kind: "problem", en: "damage, vandalism, broken property", words: ["разбит", "разбил", "разбив", "сломал", "сломан", "повред", "поцарап", "ущерб", "sindir", "singan", "buzib", "buzil", "zarar", "shikast", "tirnal", "въехал", "vandal", "вандал", "razbil", "slomal", "камн", "камен", "tosh ot", "тош от", "проколол", "прокол", "teshib", "царап", "испорти", "yirtib", "порвал"] },
  { id: "fear", kind: "setting", en: "fear, danger", words: ["qoʻrq", "страшн", "strashn", "боюсь", "боимся", "боятся", "боится", "boyus", "xavotir", "опасн", "opasn", "xavfli", "xavf ", "tashvish", "беспоко"] },
  { id: "smell", kind: "problem", en: "smell, stench, poor sanitation", words: ["hid ", "hidi", "hidini", "hidd", "sasi", "sassiq", "badbo", "запах", "вонь", "воня", "вонюч", "смрад", "zapah", "vonya", "sanitar", "санитар", "pashsha", "мухи", "муха "] },
  { id: "blocking", kind: "problem", en: "blocked entrances, passages, roads", words: ["toʻsib", "toʻsgan", "toʻsad", "toʻsiq", "toʻsyap", "перекры", "перегор", "загородил", "загоражив", "заблокир", "blokir", "chiqolmay", "kirolmay", "oʻtolmay", "выехать", "проехать", "не пройти"] },
  { id: "wages", kind: "problem", en: "unpaid wages, employers", words: ["zarplat", "зарплат", "ish haqi", "ish haqqi", "maosh", "не платит", "не выплач", "невыплат", "trudov", "трудов", "работодат", "ish beruvchi", "oylik", "ish haqini", "уволил", "увольн", "ishdan boʻshat"] },
  { id: "begging", kind: "problem", en: "begging", words: ["tilanchi", "tilanib", "tilanyap", "попрошай", "милостын", "нищ", "sadaqa", "просят денег", "просит денег", "pul yigʻ", "yordam soʻra", "просят помо", "собирают ден", "сбор ", "сбора ", "sbor ", "xayriya", "ehson", "благотвор", "пожертв", "детский дом", "detskiy dom", "mehribonlik uyi", "на лечение", "davolanish uchun"] },
  { id: "graffiti", kind: "problem", en: "graffiti, writing on walls", words: ["надпис", "nadpis", "граффит", "graffit", "разрисова", "изрисова", "исписа", "закрас", "yozib ket", "yozib qoʻy", "boʻyab ket", "chizib ket", "chizib qoʻy", "рисуют"] },
  { id: "abandoned", kind: "problem", en: "abandoned vehicles and property", words: ["брошен", "бросил", "бесхоз", "заброшен", "tashlab ketilgan", "tashlandiq", "tashlab qoʻyilgan", "egasiz", "nomersiz", "без номер", "raqamsiz", "номеров нет", "ржав", "zanglagan", "turib qolgan", "oydan beri turibdi"] },
  { id: "vice", kind: "problem", en: "prostitution, brothels", words: ["fohish", "проститу", "prostitu", "притон", "priton", "бордел", "интим ", "intim ", "секс", "seks", "эскорт", "eskort", "путан", "yengil tabiat", "har xil erkak", "разные мужчин"] },
  { id: "playground", kind: "setting", en: "playgrounds, sports grounds", words: ["maydoncha", "площадк", "качел", "argʻimchoq", "горк", "песочниц", "turnik", "турник", "stadion", "стадион", "футбол", "futbol", "мяч ", "мяча", "koptok"] },
  { id: "heating", kind: "problem", en: "heating, hot water supply", words: ["issiqlik", "isitish", "отоплен", "otoplen", "batareya", "батаре", "котельн", "qozonxona", "holodno", "холодно"] },
  { id: "gathering", kind: "problem", en: "gatherings of youths, hooligans", words: ["bezori", "хулиган", "huligan", "toʻplanib", "yigʻilishib", "собираются", "собирается", "толпой", "толпа", "компания молод"] },
  { id: "gas", kind: "problem", en: "gas supply, gas leaks", words: ["gaz ", "gazi", "gazni", "gazga", "газ ", "газа ", "газом", "газов", "газу ", "ballon", "баллон", "утечк", "gaz hidi"] }
]

/** Phrases a citizen adds out of politeness or to sign off: they say nothing about the matter. */
export const filler: ReadonlyArray<string> = [
  "assalomu", "alaykum", "assalom", "salom", "hurmatli", "muhtaram", "inspektor", "inspektori", "profilaktika", "iltimos", "iltimoz", "rahmat", "raxmat", "hurmat", "bilan", "oldindan",
  "здравствуйте", "здраствуйте", "добрый", "день", "вечер", "уважаемый", "уважаемая", "пожалуйста", "пожалуйста", "прошу", "спасибо", "заранее", "уважением", "с", "zdravstvuyte", "pojaluysta", "spasibo",
  "ассалому", "алайкум", "ҳурматли", "илтимос", "раҳмат", "ҳурмат", "билан", "инспектор", "участковый", "uchastkoviy", "принять", "примите", "меры", "chora", "koʻring", "koʻrishingizni", "koʻrishingizdan", "soʻrayman", "soʻraymiz"
]

/**
 * Function words of Uzbek and Russian: frequent in every appeal, so their n-grams would make any
 * two appeals look alike.
 */
export const stopWords: ReadonlyArray<string> = [
  "va", "ham", "bu", "shu", "u", "men", "biz", "siz", "ular", "har", "bir", "edi", "deb", "lekin", "yoki", "juda", "endi", "hali", "kerak", "emas", "bor", "yoʻq", "uchun", "bilan", "qilib", "boʻlib", "mening", "bizning", "ning", "da", "ga", "ni",
  "и", "в", "на", "не", "что", "с", "по", "я", "мы", "он", "она", "они", "это", "как", "а", "но", "или", "у", "из", "за", "к", "о", "уже", "все", "так", "его", "её", "их", "мне", "нас", "есть", "был", "была", "было", "были", "то", "же", "бы", "ли", "ещё", "еще", "очень", "там", "тут", "когда", "где", "до", "от", "для"
]

/**
 * Cues of a reminder: the applicant refers to his own earlier appeal and asks what became of it
 * ("I wrote three days ago, nobody came", "any news?").
 */
export const reminderCues: ReadonlyArray<string> = [
  "yozgan edim", "yozgandim", "yozganimga", "yozgan edik", "yozgandik", "ariza bergan", "arizam", "arizamga", "murojaatim", "murojaat qilgan", "murojaat qilgandim", "hech kim kelmadi", "hech kim bogʻlanmadi", "nima boʻldi", "koʻrib chiqildimi", "javob bormi", "yangilik bormi", "oldin yozgan", "eslataman",
  "писал", "писала", "писали", "обращался", "обращалась", "обращение от", "заявлению от", "заявление от", "никто не приходил", "никто не пришел", "никто не пришёл", "пока тишина", "есть новости", "какие новости", "напоминаю", "когда будет реакция", "kimdir keladimi",
  // Asking after one's own appeal: its number or date, its progress, nobody having come or called.
  "обращению от", "обращения от", "моему обращению", "моему заявлению", "ходе рассмотрения", "никто не связ", "никто не звонил", "nikto ne", "ne prishel", "ne priezzhal", "ne zvonil",
  "что там", "chto tam", "pisal", "obrashchalsya", "hali javob", "javob yoʻq", "koʻrib chiqish holati", "hech kim gaplashmadi", "hech kim kelmad", "qachon kelasiz"
]

/**
 * Cues of a repeated appeal in the law's sense (ZRU-445): the applicant disputes the answer to his
 * earlier appeal, says nothing changed, or that its term ran out without an answer.
 */
export const disputeCues: ReadonlyArray<string> = [
  "javob", "javobga", "javobingiz", "rozi emasman", "qoʻshilmayman", "qoniqarsiz", "norozi", "hech narsa oʻzgarmadi", "oʻzgarmadi", "muddat", "muddati", "qayta koʻrib", "yuqori turuvchi", "rahbariyat", "rahbar", "раҳбар",
  "ответ", "ответили", "otvet", "не согласен", "не согласна", "ne soglas", "ничего не изменилось", "nichego ne izmen", "отписка", "срок", "повторно", "повторное", "вышестоящ", "руковод", "nachalnik", "начальник"
]

/**
 * Cues of a collective letter: signatures counted or listed, or a signatory saying he signed one
 * ("Imzolar: 23 nafar", "38 имзо", "я подписывала письмо жильцов"). A signatory writing on his own
 * about the letter's place adds to the same matter, whatever new detail he tells.
 */
export const collectiveCues: ReadonlyArray<string> = [
  "imzo", "imzolar", "imzoladi", "imzolagan", "imzo qoʻy", "jamoaviy", "jamoa boʻlib", "aholisi nomidan",
  "подпис", "коллективн", "письмо жильцов", "от жильцов", "от имени жильцов", "kollektiv", "podpis"
]

/**
 * Cues of a new occurrence: the same thing happened again ("yana", "снова"), which makes a report at
 * the same place after an answer a related appeal rather than a dispute of the answer.
 */
export const recurrenceCues: ReadonlyArray<string> = ["yana", "qayta", "ikkinchi marta", "avval ham", "oldin ham", "birinchi marta emas", "снова", "опять", "opyat", "ещё раз", "новый случай", "на этот раз", "bu safar"]
