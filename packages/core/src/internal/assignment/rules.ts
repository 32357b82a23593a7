/**
 * The assignment rules (ids, statements, sources) and the texts of the exclusion reasons.
 */
import type * as Assignment from "../../Assignment.js"
import type * as Errors from "../../Errors.js"
import * as I18n from "../../I18n.js"

export const RuleId = {
  coverage: "assignment.coverage",
  role: "assignment.role",
  roleFallback: "assignment.role.fallback",
  duty: "assignment.duty",
  workingHours: "assignment.duty.workingHours",
  urgent: "assignment.urgent.onDutyNow",
  offShift: "assignment.duty.nonUrgentOffShift",
  subject: "assignment.conflict.subject",
  declared: "assignment.conflict.declared",
  load: "assignment.load",
  tieBreak: "assignment.tieBreak",
  senior: "assignment.fallback.districtSenior",
  chiefQueue: "assignment.fallback.districtChiefQueue",
  dutyChange: "reassignment.dutyChange",
  escalation: "reassignment.escalation",
  bulkReassign: "reassignment.bulk",
  bulkUnassign: "unassignment.bulk"
} as const

export const rules: ReadonlyArray<Assignment.Rule> = [
  {
    id: RuleId.coverage,
    statement:
      "The officer serves the appeal's mahalla: it is listed among his mahallas, or his role (senior inspector, district chief) covers the whole district.",
    source: "MIA order No. 151 of 2017 (support-point territory)"
  },
  {
    id: RuleId.role,
    statement:
      "The officer holds the role the appeal's category needs (`role` on the input, else the `roleFor` setting, else prevention inspector).",
    source: "Murojaat setting `roleFor`; ZRU-561 of 2019 for domestic violence (women's affairs inspector)"
  },
  {
    id: RuleId.roleFallback,
    statement:
      "When nobody with the required role can take it in the mahalla, the roles of the `roleFallbacks` setting are tried in order (default: specialists fall back to the prevention inspector).",
    source: "Murojaat setting `roleFallbacks`"
  },
  {
    id: RuleId.duty,
    statement:
      "The officer is active, not absent (leave, sickness, training, business trip: absences always win) and on duty at the instant: inside one of his duty periods, or, when he has none, in working time.",
    source: "Murojaat policy; directory duty periods and absences"
  },
  {
    id: RuleId.workingHours,
    statement:
      "Working time of an officer without duty periods: a working day of the calendar (the `calendar` and `week` settings; default the shipped Uzbek calendar, five-day week, so holidays, transferred days off and worked Saturdays count), between the `workingHours` setting (default 09:00-18:00) Asia/Tashkent (UTC+5, no daylight saving).",
    source: "Murojaat setting `workingHours`; working days from the calendar (Labour Code non-working holidays and Art. 208 transfers, the yearly decree)"
  },
  {
    id: RuleId.urgent,
    statement: "An urgent appeal goes only to an officer on duty now, whatever `nonUrgentOffShift` says.",
    source: "Murojaat policy; ZRU-561 of 2019 (protection order studied within 24 hours)"
  },
  {
    id: RuleId.offShift,
    statement:
      "With the `nonUrgentOffShift` setting (default off), a non-urgent appeal may go to an officer who is off shift but neither absent nor inactive.",
    source: "Murojaat setting `nonUrgentOffShift`"
  },
  {
    id: RuleId.subject,
    statement: "Never the officer the complaint is about (`subjectOfficerId`).",
    source: "ZRU-445 (a complaint is not sent to the official whose actions it is about; article to verify on lex.uz)"
  },
  {
    id: RuleId.declared,
    statement: "Never an officer with a conflict of interest declared in the directory for the appeal's applicant (`applicantRef`).",
    source: "Murojaat policy (conflicts of interest declared in the directory)"
  },
  {
    id: RuleId.load,
    statement:
      "Among the eligible officers, the one with the least weighted open workload (sum of the `weights` setting over his open appeals; default urgent 4, high 2, normal 1, low 0.5).",
    source: "Murojaat setting `weights`"
  },
  {
    id: RuleId.tieBreak,
    statement: "Equal workloads: the smallest officer id (code-unit order), so the same inputs always give the same officer.",
    source: "Murojaat policy (determinism)"
  },
  {
    id: RuleId.senior,
    statement: "Nobody eligible in the mahalla: the senior inspector of the district (same duty, conflict and workload rules).",
    source: "MIA order No. 151 of 2017 (district internal-affairs hierarchy)"
  },
  {
    id: RuleId.chiefQueue,
    statement:
      "No senior inspector either: the appeal stays unassigned in the district chief's queue, returned as the error NoEligibleInspector with the reason and the chiefs' ids.",
    source: "MIA order No. 151 of 2017 (the district chief sets the territories and assigns)"
  },
  {
    id: RuleId.dutyChange,
    statement:
      "An open appeal whose officer is absent, inactive, gone from the directory, no longer serves the mahalla or has a conflict is reassigned by the same rules (never to the same officer), or unassigned to the district chief's queue when nobody is eligible.",
    source: "Murojaat policy"
  },
  {
    id: RuleId.escalation,
    statement:
      "An overdue appeal held by a mahalla officer is reassigned to the district's senior inspector; one already held by a senior stays with him under the chief's control.",
    source: "CM resolution No. 40 of 2026 (deadline-violated appeals are scored); ZRU-445 Art. 28"
  },
  {
    id: RuleId.bulkReassign,
    statement:
      "A supervisor reassigns appeals in bulk, to a named officer (refused per appeal when that officer is not eligible) or automatically by these rules; each becomes an audited reassign command.",
    source: "Murojaat policy"
  },
  {
    id: RuleId.bulkUnassign,
    statement: "A supervisor unassigns appeals in bulk back to the district chief's queue; each becomes an audited unassign command.",
    source: "Murojaat policy"
  }
]

export const exclusionText: Readonly<Record<Errors.ExclusionReason, I18n.Text>> = {
  inactive: I18n.text("faol emas", "фаол эмас", "неактивен", "not active"),
  absent: I18n.text("taʼtilda, kasal yoki boshqa sababga koʻra yoʻq", "таътилда, касал ёки бошқа сабабга кўра йўқ", "отсутствует (отпуск, болезнь и т. п.)", "absent (leave, sickness, etc.)"),
  offDuty: I18n.text("bu vaqtda navbatchilikda emas", "бу вақтда навбатчиликда эмас", "не на службе в это время", "not on duty at that time"),
  roleMismatch: I18n.text("kerakli lavozimda emas", "керакли лавозимда эмас", "не та должность", "does not hold the required role"),
  notServingMahalla: I18n.text("bu mahallaga xizmat koʻrsatmaydi", "бу маҳаллага хизмат кўрсатмайди", "не обслуживает эту махаллю", "does not serve the mahalla"),
  subjectOfComplaint: I18n.text("shikoyat uning ustidan", "шикоят унинг устидан", "жалоба на него", "the complaint is about this officer"),
  declaredConflict: I18n.text("manfaatlar toʻqnashuvi eʼlon qilingan", "манфаатлар тўқнашуви эълон қилинган", "заявлен конфликт интересов", "declared conflict of interest"),
  currentAssignee: I18n.text("murojaat hozir unda", "мурожаат ҳозир унда", "обращение сейчас у него", "already holds the appeal")
}
