/**
 * Renders docs/rules/glossary.md: every role, command, status, outcome, clock and legal term with
 * its Uzbek (Latin and Cyrillic) and Russian name and a one-line definition. The other rule
 * documents use `plainWho` and `commandNames` from here, so a word means one thing everywhere.
 */
import { AppealState, Command, Deadline, Directory } from "../../packages/core/src/index.js"
import type { Doc } from "../docs.js"
import { generated, table } from "../markdown.js"

/** A term with its names and its definition. */
export interface Entry {
  readonly uzLatn: string
  readonly uzCyrl: string
  readonly ru: string
  readonly en: string
  readonly means: string
}
const e = (uzLatn: string, uzCyrl: string, ru: string, en: string, means: string): Entry => ({ uzLatn, uzCyrl, ru, en, means })

/** Who acts: officer roles (the directory), the other actors, and the assigned officer. */
export const roles: Readonly<Record<Directory.OfficerRole | "applicant" | "auditor" | "integrationSystem" | "system" | "assignee", Entry>> = {
  preventionInspector: e("profilaktika inspektori", "профилактика инспектори", "инспектор профилактики", "prevention inspector", "The internal-affairs officer of a mahalla; acts in the mahallas he serves; studies a domestic-violence report and issues the protection order (ZRU-561)."),
  seniorInspector: e("katta profilaktika inspektori", "катта профилактика инспектори", "старший инспектор профилактики", "senior inspector", "A senior prevention inspector; acts in every mahalla of his district and supervises the inspectors."),
  womensAffairsInspector: e("xotin-qizlar masalalari boʻyicha inspektor", "хотин-қизлар масалалари бўйича инспектор", "инспектор по делам женщин", "women's affairs inspector", "An officer for women's matters serving the mahalla (family conflicts)."),
  juvenileInspector: e("voyaga yetmaganlar ishlari boʻyicha inspektor", "вояга етмаганлар ишлари бўйича инспектор", "инспектор по делам несовершеннолетних", "juvenile inspector", "An officer for matters concerning children."),
  probationInspector: e("probatsiya inspektori", "пробация инспектори", "инспектор пробации", "probation inspector", "An officer who supervises people on probation."),
  districtChief: e("tuman (shahar) ichki ishlar boʻlimi boshligʻi", "туман (шаҳар) ички ишлар бўлими бошлиғи", "начальник районного (городского) отдела внутренних дел", "district chief", "The head of the body: approves leaving an appeal without consideration and extends a term."),
  applicant: e("murojaatchi", "мурожаатчи", "заявитель", "applicant", "The person or legal entity who sent the appeal."),
  auditor: e("auditor", "аудитор", "аудитор", "auditor", "A reader who checks the record; never changes an appeal."),
  integrationSystem: e("integratsiya tizimi", "интеграция тизими", "интеграционная система", "integration system", "Another information system (a portal, a reception) that delivers appeals and registers them."),
  system: e("tizim", "тизим", "система", "system", "Murojaat itself acting by a written rule: classification, assignment, timers, closing."),
  assignee: e("ijrochi", "ижрочи", "исполнитель", "assigned officer", "The officer the appeal is assigned to, whatever his role.")
}

/** What each command is called, and what it does. */
export const commandNames: Readonly<Record<Command.Type, Entry>> = {
  receive: e("qabul qilish", "қабул қилиш", "принять", "receive", "Take in an appeal from any channel, with its true date of receipt."),
  register: e("roʻyxatga olish", "рўйхатга олиш", "зарегистрировать", "register", "Give the appeal its registration number; refusing is forbidden (ZRU-445 Art. 23)."),
  leaveWithoutConsideration: e("koʻrmasdan qoldirish", "кўрмасдан қолдириш", "оставить без рассмотрения", "leave without consideration", "End the appeal on a ground of ZRU-445 Art. 29, with a written conclusion approved by the head."),
  triage: e("tasniflash", "таснифлаш", "классифицировать", "triage", "Set the category, priority and flags."),
  correctTriage: e("tasnifni tuzatish", "таснифни тузатиш", "исправить классификацию", "correct triage", "Change the category, priority or flags, with a reason."),
  assign: e("ijrochiga biriktirish", "ижрочига бириктириш", "назначить исполнителя", "assign", "Make an officer responsible."),
  reassign: e("boshqa ijrochiga oʻtkazish", "бошқа ижрочига ўтказиш", "переназначить", "reassign", "Give the appeal to another officer; the terms do not restart."),
  unassign: e("ijrochidan olish", "ижрочидан олиш", "снять исполнителя", "unassign", "Take the appeal back to the queue of the district."),
  startReview: e("koʻrib chiqishni boshlash", "кўриб чиқишни бошлаш", "начать рассмотрение", "start review", "The assigned officer starts working on it."),
  declareExtraStudy: e("qoʻshimcha oʻrganishni belgilash", "қўшимча ўрганишни белгилаш", "объявить дополнительное изучение", "declare extra study", "Application or complaint: needs extra study (term 1 month). Proposal: needs longer study, the proposer told in writing within 10 days."),
  requestInformation: e("maʼlumot soʻrash", "маълумот сўраш", "запросить информацию", "request information", "Ask the applicant for information or documents."),
  provideInformation: e("maʼlumot taqdim etish", "маълумот тақдим этиш", "представить информацию", "provide information", "The applicant's reply to a request."),
  extendDeadline: e("muddatni uzaytirish", "муддатни узайтириш", "продлить срок", "extend the term", "The head extends the term of an application or complaint once, by at most 1 month, telling the applicant in writing."),
  forward: e("vakolatli organga yuborish", "ваколатли органга юбориш", "направить в компетентный орган", "forward", "Send the appeal to the competent body (named), telling the applicant."),
  handToCriminalProcedure: e("jinoyat-protsessual tartibga oʻtkazish", "жиноят-процессуал тартибга ўтказиш", "передать в уголовно-процессуальном порядке", "hand to criminal procedure", "The appeal reveals a crime: it follows the Criminal Procedure Code."),
  issueProtectionOrder: e("himoya orderini berish", "ҳимоя ордерини бериш", "выдать охранный ордер", "issue a protection order", "The prevention inspector issues a protection order for the victim (ZRU-561)."),
  refuseProtectionOrder: e("himoya orderini bermaslik", "ҳимоя ордерини бермаслик", "отказать в охранном ордере", "refuse a protection order", "After the 24-hour study, no order is issued, with the reason."),
  extendProtectionOrder: e("himoya orderini uzaytirish", "ҳимоя ордерини узайтириш", "продлить охранный ордер", "extend a protection order", "Move the end of the order issued on the appeal, within the regime's limits (ZRU-561)."),
  recordProtectionOrderBreach: e("himoya orderi buzilishini qayd etish", "ҳимоя ордери бузилишини қайд этиш", "зафиксировать нарушение охранного ордера", "record a breach of a protection order", "Record when the order was breached, and the administrative case opened for it."),
  planMeasure: e("profilaktik chorani rejalashtirish", "профилактик чорани режалаштириш", "запланировать профилактическую меру", "plan a preventive measure", "Plan a prevention talk, a home visit, an entry on the preventive register or a referral, with its due time."),
  completeMeasure: e("profilaktik chorani bajarish", "профилактик чорани бажариш", "выполнить профилактическую меру", "complete a preventive measure", "Record that a planned measure was carried out, with its outcome."),
  cancelMeasure: e("profilaktik chorani bekor qilish", "профилактик чорани бекор қилиш", "отменить профилактическую меру", "cancel a preventive measure", "Cancel a planned measure that is no longer needed, with the reason."),
  answer: e("javob berish", "жавоб бериш", "ответить", "answer", "Give the applicant the outcome, the answer and its legal basis."),
  close: e("yopish", "ёпиш", "закрыть", "close", "Close an answered appeal."),
  rate: e("baholash", "баҳолаш", "оценить", "rate", "The applicant rates the answer (1 to 5)."),
  dispute: e("eʼtiroz bildirish", "эътироз билдириш", "оспорить", "dispute", "The applicant disputes the answer: a repeated appeal is opened under a supervisor's control."),
  mergeInto: e("birlashtirish", "бирлаштириш", "объединить", "merge", "Join a duplicate to the appeal it repeats (named)."),
  withdraw: e("qaytarib olish", "қайтариб олиш", "отозвать", "withdraw", "The applicant withdraws the appeal before the answer."),
  escalate: e("nazoratga olish", "назоратга олиш", "поставить на контроль", "escalate", "Put the appeal under a supervisor's control (a term ran out, or the chief decided).")
}

/** The outcomes of an answer, as official reporting counts them. */
export const outcomes: Readonly<Record<Command.Outcome, Entry>> = {
  satisfied: e("ijobiy hal etildi", "ижобий ҳал этилди", "решено положительно", "satisfied", "Resolved in the applicant's favour."),
  explained: e("huquqiy tushuntirish berildi", "ҳуқуқий тушунтириш берилди", "дано правовое разъяснение", "explained", "A legal explanation was given."),
  rejectedWithGrounds: e("asosli rad etildi", "асосли рад этилди", "обоснованно отказано", "rejected with grounds", "Refused, with the grounds stated.")
}

/** The legal clocks. */
export const clockNames: Readonly<Record<Deadline.ClockId, Entry>> = {
  registration: e("roʻyxatga olish muddati", "рўйхатга олиш муддати", "срок регистрации", "registration", "The day of receipt, or the next working day after hours (ZRU-445 Art. 23)."),
  forwarding: e("yuborish muddati", "юбориш муддати", "срок направления", "forwarding", "5 days to forward an appeal outside the body's competence; owed only when it is forwarded."),
  consideration: e("koʻrib chiqish muddati", "кўриб чиқиш муддати", "срок рассмотрения", "consideration", "15 days, 1 month with extra study or for a proposal, extended once by the head (ZRU-445 Art. 28)."),
  proposalNotice: e("taklif boʻyicha xabar muddati", "таклиф бўйича хабар муддати", "срок уведомления по предложению", "proposal notice", "10 days to tell a proposer in writing that the proposal needs longer study; owed only then."),
  urgentFirstContact: e("shoshilinch birinchi aloqa", "шошилинч биринчи алоқа", "срочный первый контакт", "urgent first contact", "Hours to first act on an appeal showing a threat to safety (Murojaat policy)."),
  protectionOrderStudy: e("himoya orderi boʻyicha oʻrganish", "ҳимоя ордери бўйича ўрганиш", "изучение для охранного ордера", "protection-order study", "24 hours to study a domestic-violence report and decide on an order (ZRU-561).")
}

/** Where a clock stands. */
export const clockStates: Readonly<Record<Deadline.ClockState, Entry>> = {
  running: e("davom etmoqda", "давом этмоқда", "идёт", "running", "The term runs."),
  dueSoon: e("muddati yaqin", "муддати яқин", "срок истекает", "due soon", "The term runs and a warning was given (3 and 1 working days, or 1 hour, before)."),
  overdue: e("muddati oʻtgan", "муддати ўтган", "просрочено", "overdue", "The term ran out and the act is not done: violated."),
  met: e("muddatida bajarildi", "муддатида бажарилди", "выполнено в срок", "met", "Done in time."),
  metLate: e("kechikib bajarildi", "кечикиб бажарилди", "выполнено с опозданием", "met late", "Done after the term: violated."),
  stopped: e("toʻxtatildi", "тўхтатилди", "прекращено", "stopped", "The appeal ended another way before the term ran out."),
  stoppedLate: e("muddati oʻtgach toʻxtatildi", "муддати ўтгач тўхтатилди", "прекращено после срока", "stopped late", "The appeal ended another way after the term ran out: violated."),
  paused: e("toʻxtab turibdi", "тўхтаб турибди", "приостановлено", "paused", "Awaiting the applicant, when the pause setting is on."),
  notRequired: e("talab qilinmadi", "талаб қилинмади", "не требовалось", "not required", "A term owed only if its act is needed (forwarding, proposal notice), and it was not.")
}

/** Legal and library terms. */
export const terms: ReadonlyArray<readonly [string, Entry]> = [
  ["appeal", e("murojaat", "мурожаат", "обращение", "appeal", "An application, a proposal or a complaint to a body (ZRU-445), oral, written or electronic, all of equal force.")],
  ["ariza", e("ariza", "ариза", "заявление", "application", "An appeal asking for help to exercise a right.")],
  ["taklif", e("taklif", "таклиф", "предложение", "proposal", "An appeal proposing to improve state or public activity.")],
  ["shikoyat", e("shikoyat", "шикоят", "жалоба", "complaint", "An appeal asking to restore a violated right.")],
  ["collective", e("jamoaviy murojaat", "жамоавий мурожаат", "коллективное обращение", "collective appeal", "An appeal signed by several people; the law gives no definition.")],
  ["requiredContent", e("murojaatning majburiy rekvizitlari", "мурожаатнинг мажбурий реквизитлари", "обязательные реквизиты обращения", "required content", "A person: surname, name, place of residence and the essence; a legal entity: full name, location and the essence.")],
  ["anonymous", e("anonim murojaat", "аноним мурожаат", "анонимное обращение", "anonymous appeal", "One without the name or the address the required content asks for, or with false data; it may be left without consideration (Art. 29).")],
  ["repeated", e("takroriy murojaat", "такрорий мурожаат", "повторное обращение", "repeated appeal", "From the same person, disputing the decision on an earlier appeal, or sent after the earlier one's term ran out; a national indicator.")],
  ["nothingNew", e("yangi dalilsiz takroriy murojaat", "янги далилсиз такрорий мурожаат", "повторное обращение без новых доводов", "nothing new", "A repeated appeal that brings nothing new need not be reviewed again; it is answered by reference to the earlier answer.")],
  ["head", e("organ rahbari", "орган раҳбари", "руководитель органа", "head of the body", "Here the district chief: approves a conclusion to leave without consideration, extends a term.")],
  ["written", e("yozma shakl", "ёзма шакл", "письменная форма", "in writing", "On paper (post) or electronically (e-mail, SMS, the app); a word said in person is not written.")],
  ["term", e("muddat", "муддат", "срок", "term", "A period counted in calendar days or months from the day after receipt; one ending on a day off moves to the next working day (Civil Code reading, a setting).")],
  ["extension", e("muddatni uzaytirish", "муддатни узайтириш", "продление срока", "extension", "By the head, once, at most 1 month, 2 months in all; applications and complaints only; before the term ends.")],
  ["extraStudy", e("qoʻshimcha oʻrganish", "қўшимча ўрганиш", "дополнительное изучение", "extra study", "Extra study, checking or documents: the term of an application or complaint becomes 1 month; declared before the 15 days end.")],
  ["longerStudy", e("uzoqroq oʻrganish", "узоқроқ ўрганиш", "более длительное изучение", "longer study of a proposal", "A proposal that needs more than a month: the proposer is told in writing within 10 days.")],
  ["competentBody", e("vakolatli organ", "ваколатли орган", "компетентный орган", "competent body", "The body whose competence the matter is; an appeal outside competence is forwarded there within 5 days.")],
  ["protectionOrder", e("himoya orderi", "ҳимоя ордери", "охранный ордер", "protection order", "An individual prevention measure for a victim of harassment or violence (ZRU-561); valid up to 1 year (current regulation) or 30 days (original regime).")],
  ["lateEntry", e("kech kiritilgan murojaat", "кеч киритилган мурожаат", "поздно внесённое обращение", "late entry", "An appeal entered on a later day than it was received; it keeps its true date of receipt and its terms run from it.")],
  ["deadlineViolated", e("muddati buzilgan murojaat", "муддати бузилган мурожаат", "обращение с нарушением срока", "deadline violated", "An appeal with a clock overdue, met late or stopped late; scored by CM resolution No. 40 of 2026.")],
  ["escalated", e("nazoratdagi murojaat", "назоратдаги мурожаат", "обращение на контроле", "under control", "An appeal a supervisor follows; a mark, not a status.")],
  ["murojaatPolicy", e("Murojaat qoidasi", "Мурожаат қоидаси", "правило Murojaat", "Murojaat policy", "A choice made by this library where the law is silent: documented, with its reason, and where reasonable a setting.")],
  ["setting", e("sozlama", "созлама", "настройка", "setting", "A choice the operator may change, with a default documented with its source.")]
]

const row = (key: string, x: Entry): ReadonlyArray<string> => [`\`${key}\``, x.uzLatn, x.uzCyrl, x.ru, `${x.en}: ${x.means}`]
const head = ["code", "uz-Latn", "uz-Cyrl", "ru", "meaning"]

/** Who may, in words: "the district chief", "the assigned officer or a senior inspector". */
export const plainWho = (who: ReadonlyArray<string>): string => {
  const names = who.map((w) => (w in roles ? roles[w as keyof typeof roles].en : w))
  return names.length <= 1 ? (names[0] ?? "nobody") : `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`
}

const render = (): string =>
  [
    generated("scripts/docs/glossary.ts"),
    "",
    "# Glossary",
    "",
    "Every word the rule documents use, in Uzbek (Latin and Cyrillic), Russian and English, with a",
    "one-line meaning. The code (first column) is how the word is written in the records and reports.",
    "**Murojaat policy** means a choice made by this library where the law is silent; it is never",
    "presented as law.",
    "",
    "## Who acts",
    "",
    table(head, Object.entries(roles).map(([k, x]) => row(k, x))),
    "",
    "## Statuses",
    "",
    table(
      head,
      AppealState.Status.literals.map((s) => {
        const n = AppealState.names[s]
        return [`\`${s}\``, n["uz-Latn"], n["uz-Cyrl"], n.ru, `${n.en}: ${AppealState.terminal.has(s) ? "ends the appeal." : s === "closed" ? "finished; only rating and disputing remain." : s === "none" ? "before anything was received." : "open: the legal terms run."}`]
      })
    ),
    "",
    "## Commands (what a person or the system asks to do)",
    "",
    table(head, Command.types.map((c) => row(c, commandNames[c]))),
    "",
    "## Outcomes of an answer",
    "",
    table(head, Command.Outcome.literals.map((o) => row(o, outcomes[o]))),
    "",
    "## Legal clocks",
    "",
    table(head, Deadline.ClockId.literals.map((c) => row(c, clockNames[c]))),
    "",
    "## Where a clock stands",
    "",
    table(head, Object.entries(clockStates).map(([k, x]) => row(k, x))),
    "",
    "## Legal and library terms",
    "",
    table(head, terms.map(([k, x]) => row(k, x)))
  ].join("\n")

const docs: ReadonlyArray<Doc> = [{ file: "docs/rules/glossary.md", render }]
export default docs
