/**
 * The place of an appeal: the address as people write it, reduced to a key that is the same across
 * scripts, languages and spellings ("Navoiy koʻchasi 14-uy", "ул. Навои, д. 14", "Navoiy 14" →
 * street "nv", house "14"), and the distance between coordinates.
 *
 * Street names are compared by their consonant skeleton on the folded text (triage's fold): vowels
 * and "y" differ between Uzbek and Russian spellings of one name (Bodomzor / Бадамзар, Niyozbek /
 * Ниязбек, Navoiy / Навои), and Russian adds case and adjective endings (Ахмада Дониша,
 * Кашгарская); "g" and "k" are one letter because Russian writes Uzbek "q" and "gʻ" with "г" or "к".
 */
import { keyOf } from "../triage/fold.js"

/** Words that say what kind of way a street is; the kinds that differ make two streets. */
const wayKinds: ReadonlyArray<readonly [string, ReadonlyArray<string>]> = [
  ["street", ["kochasi", "kocha", "kochas", "ul", "ulitsa", "ulitsasi", "ulitse", "ulitsi", "ko", "street"]],
  ["road", ["yoli", "yuli", "yol", "doroga", "shosse", "prospekt", "prospekti", "pr", "shoh"]],
  ["lane", ["tor", "tupik", "berk", "pereulok", "per", "proyezd", "proezd"]]
]
const wayKind = new Map<string, string>(wayKinds.flatMap(([k, ws]) => ws.map((w) => [w, k] as const)))

/** Words of an address that name its parts (house, flat, entrance) rather than the street. */
const houseWords = new Set(["uy", "uyi", "uylar", "uyda", "uydan", "uyga", "uydagi", "uyning", "dom", "doma", "dome", "domu", "d", "house", "hovli", "hovlisi", "dvor"])
const flatWords = new Set(["kv", "kvartira", "honadon", "honadoni", "hona", "xonadon", "flat"])
const entranceWords = new Set(["podyezd", "podezd", "pod", "podyezdi", "etaj", "kavat"])
/** Words of a numbered block of a district ("7-й квартал", "7-мавзе", "19-массив"): its number is not a house. */
const blockWords = new Set(["kvartal", "kvartali", "mavze", "mavzesi", "massiv", "massivi", "mikrorayon", "mikrorayoni", "mkr", "blok", "bloki"])
/** Russian ordinal endings written after a number ("7-й", "7-ый", "7-я"): they belong to the number. */
const ordinalEndings = new Set(["y", "iy", "yi", "i", "ya", "oy", "ye"])

/** Landmarks: their number names the landmark, not a house ("78-maktab", "школа №256"). */
const landmarkWords = new Set(
  [
    "maktab", "maktabi", "shkola", "shkoli", "shkolu", "bogcha", "bogchasi", "detsad", "detskiy", "sad", "bozor", "bozori", "rinok", "bazar", "park", "parki", "bogi", "bog", "metro", "metrosi",
    "bekat", "bekati", "ostanovka", "ost", "masjid", "masjidi", "mechet", "dokon", "magazin", "kiosk", "apteka", "dorihona", "choyhona", "choyhonasi", "chayhana", "toyhona", "toyhonasi",
    "poliklinika", "kanal", "kanali", "kopri", "koprik", "most", "oldi", "oldida", "yoni", "yonida", "yonidagi", "orqasi", "orqasidagi", "ropara", "roparasi", "vozle", "u", "okolo", "naprotiv",
    "mejdu", "za", "domom", "domami", "i", "va", "orasidagi", "ploshadka", "maydoncha", "maydonchasi", "maydoni", "avtoturargoh", "turargoh", "stoyanka", "tts", "ts", "klub", "klubi", "vihod",
    "chorraha", "chorrahasi", "svetofor", "svetofori", "perehod", "garaj", "garajlar", "garajami", "garajlari", "garaji", "devor", "devori", "stena", "podval", "yertola", "burilish", "burilishi", "ortasida",
    // Prepositions and the kinds of business and building a place is named after ("кальянная на
    // Богишамол", "«Лаззат» кафеси", "Rayhon oshxonasi"): the name that remains is the place's.
    "на", "при", "рядом", "возле", "около", "dokoni", "dokonlari", "магазина", "магазине", "супермаркет", "рынка", "рынке", "рынок", "bozorcha", "bozorchasi",
    "кафе", "kafesi", "ресторан", "ресторана", "restorani", "кальянная", "кальянной", "qalyonxona", "qalyonxonasi", "oshxona", "oshxonasi", "столовая", "пекарня", "пекарни", "nonvoyxona",
    "стадион", "stadioni", "колледж", "колледжа", "kolleji", "общежитие", "общежития", "yotoqxona", "yotoqxonasi", "больница", "больницы", "shifoxona", "shifoxonasi", "поликлиника"
  ].map((w) => keyOf(w))
)

/** Landmarks that carry a number of their own (schools, kindergartens). */
const numbered = new Set(["maktab", "maktabi", "shkola", "shkoli", "shkolu", "bogcha", "bogchasi", "detsad"].map((w) => keyOf(w)))

/** A house range: "30-44 uylar", "дома 30-44", "между домами 30 и 34", "1-uydan 20-uygacha". */
const rangePattern = /(\d+)\s*[-–]\s*(\d+)\s*[-–]?\s*(?:uylar|уйлар)|(?:дома|домами|domlar)\s*(\d+)\s*(?:[-–]|и|va)\s*(\d+)|(\d+)\s*[-–]?\s*(?:uydan|уйдан)\s*(\d+)|(\d+)\s*(?:va|ва)\s*(\d+)\s*[-–]?\s*(?:uylar|уйлар)/i

/** A parsed address. `street` is the set of street-name skeletons; numbers are strings. */
export interface Address {
  readonly street: ReadonlyArray<string>
  readonly kind?: string
  readonly lane?: string
  readonly house?: string
  readonly flat?: string
  /** A numbered landmark ("maktab#78"). */
  readonly landmark?: string
  /** A range of houses the address spans (inclusive). */
  readonly range?: readonly [number, number]
  /** The number of the district's block ("7-mavze"). */
  readonly block?: string
  /** The folded words of the street's name as written (not skeletons): a text that names the street is not naming a topic. */
  readonly streetWords: ReadonlyArray<string>
}

const vowels = /[aeiouy]/g
/** The consonant skeleton of a folded street word (see the module comment). */
export const skeleton = (word: string): string =>
  word
    .replace(/(skaya|skiy|skoy|skogo|skoye|skay)$/, "")
    .replace(/(ning|dagi|ga|da|dan|ni)$/, "")
    .replace(/g/g, "k")
    .replace(vowels, "")
    .replace(/(.)\1+/g, "$1")

const isNumber = (w: string) => /^[0-9]+$/.test(w)

/** Parses an address written in any script or language; `undefined` when there is none. */
export const parse = (address: string | null | undefined): Address | undefined => {
  if (address === null || address === undefined || address.trim() === "") return undefined
  // № glues to the number in some texts; the fold keeps digits as their own words.
  // "кв-л" abbreviates квартал (a block), not кв. (a flat).
  const all = keyOf(address.replace(/№/g, " ").replace(/(кв|kv)-л(?!\p{L})/giu, " kvartal ")).split(" ").filter((w) => w !== "")
  // An ordinal ending after a number is part of the number ("7-й квартал").
  const words = all.filter((w, i) => !(ordinalEndings.has(w) && i > 0 && isNumber(all[i - 1]!)))
  const street: Array<string> = []
  const streetWords: Array<string> = []
  let block: string | undefined
  let kind: string | undefined
  let lane: string | undefined
  let house: string | undefined
  let flat: string | undefined
  let landmark: string | undefined
  const loose: Array<string> = []
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!
    const prev = words[i - 1]
    const next = words[i + 1]
    if (isNumber(w)) {
      if (next !== undefined && wayKind.get(next) === "lane") lane = w
      else if (block === undefined && next !== undefined && blockWords.has(next)) block = w
      else if (block === undefined && prev !== undefined && blockWords.has(prev)) block = w
      // "дом 20, кв 44": the number after the house word is the house, though a flat word follows.
      else if (house === undefined && prev !== undefined && houseWords.has(prev)) house = w
      // "Navoiy 14 kv 3": a flat word between two numbers follows the house.
      else if (house === undefined && next !== undefined && flatWords.has(next) && isNumber(words[i + 2] ?? "")) house = w
      else if (next !== undefined && houseWords.has(next)) house ??= w
      else if (next !== undefined && flatWords.has(next)) flat ??= w
      else if (next !== undefined && entranceWords.has(next)) continue
      else if (next !== undefined && numbered.has(next)) landmark ??= `${next}#${w}`
      else if (prev !== undefined && flatWords.has(prev)) flat ??= w
      else if (prev !== undefined && entranceWords.has(prev)) continue
      else if (prev !== undefined && houseWords.has(prev)) house ??= w
      else if (prev !== undefined && numbered.has(prev)) landmark ??= `${prev}#${w}`
      else loose.push(w)
      continue
    }
    const k = wayKind.get(w)
    if (k !== undefined) {
      // "tor koʻchasi", "berk koʻchasi": a lane stays a lane whatever word follows.
      if (kind !== "lane") kind = k
      continue
    }
    if (houseWords.has(w) || flatWords.has(w) || entranceWords.has(w) || blockWords.has(w) || landmarkWords.has(w) || w.length < 2) continue
    const s = skeleton(w)
    if (s.length >= 2) {
      street.push(s)
      streetWords.push(w)
    }
  }
  // Numbers with no word to say what they are: the first is the house, the next the flat
  // ("Бадамзар 18-61", "Шахриобод 3, кв 18").
  for (const n of loose) {
    if (house === undefined) house = n
    else if (flat === undefined) flat = n
  }
  const landmarkKey = landmark === undefined ? undefined : landmark.replace(/^(maktab|shkol[a-z]*).*#/, "school#").replace(/^(bogcha|detsad).*#/, "kindergarten#")
  const r = rangePattern.exec(address)
  const nums = r === null ? [] : r.slice(1).filter((x): x is string => x !== undefined).map(Number)
  const range = nums.length === 2 ? ([Math.min(nums[0]!, nums[1]!), Math.max(nums[0]!, nums[1]!)] as const) : undefined
  return {
    street,
    streetWords,
    ...(block !== undefined ? { block } : {}),
    ...(range !== undefined ? { range } : {}),
    ...(kind !== undefined ? { kind } : {}),
    ...(lane !== undefined ? { lane } : {}),
    ...(house !== undefined ? { house } : {}),
    ...(flat !== undefined ? { flat } : {}),
    ...(landmarkKey !== undefined ? { landmark: landmarkKey } : {})
  }
}

/** How two addresses relate. */
export type Relation = "sameHouse" | "neighbourHouse" | "sameStreet" | "sameLandmark" | "otherHouse" | "otherAddress" | "otherLandmark" | "otherStreet" | "unknown"

/**
 * Relates two parsed addresses. Symmetric. Streets are the same when their skeletons share a word
 * (or one is a prefix of the other), the way kinds, the lane numbers and the block numbers agree;
 * another street with another house number is another place (`otherAddress`); two house numbers on one street at most `neighbourHouses` apart are neighbouring houses (one
 * incident is heard, seen and signed for from both: 22 and 24), farther apart two places (14 ≠ 41).
 */
export const relate = (a: Address | undefined, b: Address | undefined, neighbourHouses = 0): Relation => {
  if (a === undefined || b === undefined) return "unknown"
  if (a.landmark !== undefined && b.landmark !== undefined) return a.landmark === b.landmark ? "sameLandmark" : "otherLandmark"
  if (a.street.length === 0 || b.street.length === 0) return "unknown"
  const streetMatch = a.street.some((x) => b.street.some((y) => x === y || (Math.min(x.length, y.length) >= 3 && (x.startsWith(y) || y.startsWith(x)))))
  // Another street and another house number: two places. With the same number the "street" of one
  // may be a description ("мусорные баки у 25 дома"), so that stays only a weaker match.
  if (!streetMatch) return a.house !== undefined && b.house !== undefined && a.house !== b.house ? "otherAddress" : "otherStreet"
  if (a.kind !== undefined && b.kind !== undefined && a.kind !== b.kind && (a.kind === "lane" || b.kind === "lane" || a.kind === "road" || b.kind === "road")) return "otherStreet"
  if ((a.lane ?? "") !== (b.lane ?? "") && a.lane !== undefined && b.lane !== undefined) return "otherStreet"
  if ((a.lane === undefined) !== (b.lane === undefined) && a.house !== undefined && b.house !== undefined) return "otherStreet"
  if (a.block !== undefined && b.block !== undefined && a.block !== b.block) return "otherStreet"
  const inRange = (x: Address, y: Address) => x.range !== undefined && y.house !== undefined && Number(y.house) >= x.range[0] && Number(y.house) <= x.range[1]
  if (inRange(a, b) || inRange(b, a)) return "sameStreet"
  if (a.house !== undefined && b.house !== undefined) {
    if (a.house === b.house) return "sameHouse"
    return Math.abs(Number(a.house) - Number(b.house)) <= neighbourHouses ? "neighbourHouse" : "otherHouse"
  }
  return "sameStreet"
}

/**
 * The house numbers a text names ("31-uy haqida", "(6-уй)", "в доме 20", "Navoiy 14 dom"): a letter
 * signed by the neighbours of houses 4 and 6, or a neighbour writing about house 31, names the place
 * of the incident beyond the applicant's own address.
 */
export const housesIn = (text: string): ReadonlySet<string> => {
  const words = keyOf(text.replace(/№/g, " ")).split(" ").filter((w) => w !== "")
  const out = new Set<string>()
  for (let i = 0; i < words.length; i++) {
    if (!isNumber(words[i]!)) continue
    const next = words[i + 1]
    const prev = words[i - 1]
    if ((next !== undefined && houseWords.has(next)) || (prev !== undefined && houseWords.has(prev))) out.add(words[i]!)
  }
  return out
}

/** The key of a parsed address for an index: street skeleton (first word), lane and house. */
export const key = (a: Address | undefined): string | undefined =>
  a === undefined || a.street.length === 0 || a.house === undefined ? a?.landmark : `${[...a.street].sort()[0]}|${a.lane ?? ""}|${a.house}`

const R = 6_371_008.8
/** Great-circle distance in metres (haversine). */
export const metres = (lat1: number, lon1: number, lat2: number, lon2: number): number => {
  const rad = Math.PI / 180
  const dLat = (lat2 - lat1) * rad
  const dLon = (lon2 - lon1) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)))
}

const base32 = "0123456789bcdefghjkmnpqrstuvwxyz"
/** The geohash of a point (standard base-32 interleaving), `precision` characters. */
export const geohash = (lat: number, lon: number, precision: number): string => {
  let latLo = -90
  let latHi = 90
  let lonLo = -180
  let lonHi = 180
  let out = ""
  let bit = 0
  let ch = 0
  let even = true
  while (out.length < precision) {
    if (even) {
      const mid = (lonLo + lonHi) / 2
      if (lon >= mid) {
        ch = (ch << 1) | 1
        lonLo = mid
      } else {
        ch <<= 1
        lonHi = mid
      }
    } else {
      const mid = (latLo + latHi) / 2
      if (lat >= mid) {
        ch = (ch << 1) | 1
        latLo = mid
      } else {
        ch <<= 1
        latHi = mid
      }
    }
    even = !even
    if (++bit === 5) {
      out += base32[ch]
      bit = 0
      ch = 0
    }
  }
  return out
}

/** The geohash cell of a point and its eight neighbours (cells of `precision` characters). */
export const geohashNeighbourhood = (lat: number, lon: number, precision: number): ReadonlyArray<string> => {
  // Cell size in degrees at this precision: bits alternate, longitude first.
  const bits = precision * 5
  const dLon = 360 / 2 ** Math.ceil(bits / 2)
  const dLat = 180 / 2 ** Math.floor(bits / 2)
  const out = new Set<string>()
  for (const i of [-1, 0, 1]) for (const j of [-1, 0, 1]) out.add(geohash(lat + i * dLat, lon + j * dLon, precision))
  return [...out]
}
