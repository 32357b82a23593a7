/**
 * The directory indexed for assignment: officers by id and by mahalla, the district-wide roles by
 * district, duty periods and absences parsed once.
 */
import type * as Assignment from "../../Assignment.js"
import type * as Directory from "../../Directory.js"
import * as Eligibility from "../eligibility.js"

const push = <K, V>(m: Map<K, Array<V>>, k: K, v: V) => {
  const xs = m.get(k)
  if (xs === undefined) m.set(k, [v])
  else xs.push(v)
}

export const byOfficerId = (a: Directory.Officer, b: Directory.Officer): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

export const makeIndex = (directory: Directory.Directory): Assignment.Index => {
  const byId = new Map<string, Directory.Officer>()
  const byMahalla = new Map<string, Array<Directory.Officer>>()
  const seniors = new Map<string, Array<Directory.Officer>>()
  const chiefs = new Map<string, Array<Directory.Officer>>()
  const times = new Map<string, Eligibility.Spans>()
  for (const o of directory.officers) {
    byId.set(o.id, o)
    times.set(o.id, Eligibility.spansOf(o))
    for (const m of new Set(o.mahallas)) push(byMahalla, m, o)
    if (o.roles.includes("seniorInspector")) push(seniors, o.districtCode, o)
    if (o.roles.includes("districtChief")) push(chiefs, o.districtCode, o)
  }
  for (const m of [byMahalla, seniors, chiefs]) for (const xs of m.values()) xs.sort(byOfficerId)
  return {
    directory,
    byId,
    byMahalla,
    seniorsByDistrict: seniors,
    chiefsByDistrict: chiefs,
    mahallaDistrict: new Map(directory.mahallas.map((m) => [m.code, m.districtCode])),
    times
  }
}

/** The parsed spans of an officer: from the index when he is in it, else parsed now. */
export const spansIn = (index: Assignment.Index, o: Directory.Officer): Eligibility.Spans => index.times.get(o.id) ?? Eligibility.spansOf(o)
