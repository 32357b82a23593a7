/**
 * Masking an appeal's personal data for readers who may not see it (auditors, reports): names
 * shortened, numbers cut to their last digits, addresses and references hidden, free texts masked.
 * The public function and its documentation are `Policy.mask`.
 */
import type * as Appeal from "../../Appeal.js"
import * as Masking from "../masking.js"

const hidden = "***"
const maskNameIf = <K extends string>(key: K, s: string | undefined) => (s === undefined ? {} : ({ [key]: Masking.maskName(s) } as { [P in K]: string }))
const hideIf = <K extends string>(key: K, s: string | undefined) => (s === undefined ? {} : ({ [key]: hidden } as { [P in K]: string }))

const maskContact = (c: Appeal.Contact): Appeal.Contact => ({
  ...(c.phone !== undefined ? { phone: Masking.maskDigitsOf(c.phone) } : {}),
  ...(c.email !== undefined ? { email: "***@***" } : {}),
  ...hideIf("postalAddress", c.postalAddress)
})

const maskRepresentative = (r: Appeal.Representative | undefined) =>
  r === undefined ? {} : { representative: { name: Masking.maskName(r.name), ...hideIf("authorityProof", r.authorityProof) } }

export const mask = (p: Appeal.Personal): Appeal.Personal => {
  const a = p.applicant
  const applicant: Appeal.Applicant =
    a.type === "individual"
      ? {
          type: a.type,
          ...maskNameIf("surname", a.surname),
          ...maskNameIf("name", a.name),
          ...maskNameIf("patronymic", a.patronymic),
          ...hideIf("residence", a.residence),
          declaredFalse: a.declaredFalse,
          contact: maskContact(a.contact),
          consent: a.consent,
          ...maskRepresentative(a.representative)
        }
      : {
          type: a.type,
          ...maskNameIf("fullName", a.fullName),
          ...hideIf("location", a.location),
          ...(a.tin !== undefined ? { tin: Masking.maskDigitsOf(a.tin) } : {}),
          declaredFalse: a.declaredFalse,
          contact: maskContact(a.contact),
          consent: a.consent,
          ...maskRepresentative(a.representative)
        }
  return {
    applicant,
    signatories: p.signatories.map((s) => ({ surname: Masking.maskName(s.surname), name: Masking.maskName(s.name), ...hideIf("residence", s.residence) })),
    text: { body: Masking.maskText(p.text.body), ...(p.text.subject !== undefined ? { subject: Masking.maskText(p.text.subject) } : {}) },
    ...hideIf("address", p.address),
    attachments: p.attachments.map((f) => ({
      ref: hidden,
      ...(f.name !== undefined ? { name: Masking.maskFileName(f.name) } : {}),
      mediaType: f.mediaType,
      bytes: f.bytes,
      ...(f.sha256 !== undefined ? { sha256: f.sha256 } : {})
    }))
  }
}
