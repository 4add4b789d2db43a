import 'server-only'
import { db } from '@/lib/db/db.server'

/**
 * "Data saya" (issue 15, UU 27/2022 on personal data protection): everything the platform holds
 * about one person, as they may download it. One function, so the JSON download and the readable
 * page cannot disagree about what is included.
 *
 * Left out on purpose, with why:
 * - secrets that would let someone act as the person (password hash, session tokens, trusted-device
 *   secrets, activation and reset codes): the person has no use for them and a leaked export
 *   must not become a key;
 * - other people's personal data: an audit entry about the person written by an officer names
 *   what happened and when, not who the officer is (the officer's own export has it);
 * - the bodies of emails (they are our templates; the list says what was sent, when, to where).
 */
export type PersonalData = Awaited<ReturnType<typeof personalDataOf>>

export const PERSONAL_DATA_FORMAT = 'bijak-bermedia-sosial/data-pribadi@1'

function parsedJson(value: string): unknown {
  try {
    return JSON.parse(value)
  } catch {
    return value
  }
}

/** Everything about `userId`, or null when there is no such person. */
export async function personalDataOf(userId: string, now = new Date()) {
  const person = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      emailVerified: true,
      nip: true,
      employmentType: true,
      agency: { select: { code: true, name: true } },
      unit: { select: { name: true } },
      claimedAt: true,
      identityStatus: true,
      identityMethod: true,
      identityVerifiedAt: true,
      identityRejectedAt: true,
      rejectedNip: true,
      disabledAt: true,
      disabledReason: true,
      createdAt: true,
      updatedAt: true,
    },
  })
  if (!person) return null
  const followUps = await db.followUp.findMany({
    where: { userId },
    orderBy: { offeredAt: 'asc' },
    select: {
      offeredAt: true,
      openedAt: true,
      answeredAt: true,
      score: true,
      correctCount: true,
      certificate: { select: { number: true } },
      answers: { orderBy: { itemId: 'asc' }, select: { itemId: true, response: true, credit: true } },
    },
  })
  const [acceptances, grants, sessions, devices, enrolments, lessons, attempts, reports, certificates, transfers, messages, audit, nameCorrections] = await Promise.all([
    db.privacyAcceptance.findMany({ where: { userId }, orderBy: { acceptedAt: 'asc' }, select: { version: true, acceptedAt: true } }),
    db.capabilityGrant.findMany({
      where: { userId },
      orderBy: { grantedAt: 'asc' },
      select: { capability: true, grantedAt: true, agency: { select: { name: true } }, unit: { select: { name: true } } },
    }),
    db.session.findMany({
      where: { userId },
      orderBy: { createdAt: 'asc' },
      select: { createdAt: true, lastActiveAt: true, expiresAt: true, ipAddress: true, userAgent: true },
    }),
    db.trustedDevice.findMany({ where: { userId }, orderBy: { createdAt: 'asc' }, select: { createdAt: true, lastUsedAt: true } }),
    db.enrolment.findMany({
      where: { userId },
      orderBy: { assignedAt: 'asc' },
      select: {
        cycleKey: true,
        assignedAt: true,
        lessonsDone: true,
        activeSeconds: true,
        postTestAttempts: true,
        preTestScore: true,
        bestPostTestScore: true,
        passedAt: true,
        cohort: { select: { name: true, kind: true, year: true, dueDate: true, agency: { select: { name: true } } } },
      },
    }),
    db.lessonProgress.findMany({
      where: { userId },
      orderBy: { createdAt: 'asc' },
      select: { lessonSlug: true, contentVersion: true, openedAt: true, reachedEndAt: true, completedAt: true, activeSeconds: true, sectionsReached: true, state: true, updatedAt: true },
    }),
    db.quizAttempt.findMany({
      where: { userId },
      orderBy: { startedAt: 'asc' },
      select: {
        id: true,
        kind: true,
        contentVersion: true,
        startedAt: true,
        expiresAt: true,
        submittedAt: true,
        score: true,
        passed: true,
        answersDeletedAt: true,
        answers: { orderBy: { itemId: 'asc' }, select: { itemId: true, response: true, credit: true } },
      },
    }),
    db.itemReport.findMany({
      where: { userId },
      orderBy: { createdAt: 'asc' },
      select: { itemId: true, attemptId: true, reason: true, suggestedOptionId: true, status: true, reply: true, createdAt: true, decidedAt: true },
    }),
    db.certificate.findMany({
      where: { userId },
      orderBy: { issuedAt: 'asc' },
      select: {
        number: true,
        code: true,
        fullName: true,
        nip: true,
        employmentType: true,
        agencyName: true,
        unitName: true,
        courseTitle: true,
        score: true,
        jp: true,
        completedAt: true,
        issuedAt: true,
        validUntil: true,
        revokedAt: true,
        revokedReason: true,
        // Each issued version (decision 043): the name printed and the SHA-256 of its file.
        versions: { orderBy: { version: 'asc' }, select: { version: true, fullName: true, issuedAt: true, reason: true, sha256: true } },
        // The Open Badges record (decision 050): the salted hash of the email the badge names.
        badge: { select: { statusIndex: true, identityHash: true, salt: true, createdAt: true } },
      },
    }),
    db.transferRequest.findMany({
      where: { userId },
      orderBy: { requestedAt: 'asc' },
      select: { status: true, requestedAt: true, decidedAt: true, note: true, fromAgency: { select: { name: true } }, toAgency: { select: { name: true } }, toUnit: { select: { name: true } } },
    }),
    db.outboxMessage.findMany({
      where: { userId },
      orderBy: { createdAt: 'asc' },
      select: { kind: true, subject: true, toAddress: true, status: true, createdAt: true, sentAt: true },
    }),
    // No index on the audit log's actor or target: an export is a rare request (a person asks a few
    // times a year), and two more indexes would be paid by every audited write, quiz submissions
    // included. A scan of a million entries takes about a second.
    db.auditLog.findMany({
      where: { OR: [{ actorId: userId }, { targetId: userId }] },
      orderBy: { at: 'asc' },
      select: { at: true, action: true, actorId: true, details: true, ip: true },
    }),
    db.nameCorrectionRequest.findMany({
      where: { userId },
      orderBy: { requestedAt: 'asc' },
      select: { currentName: true, requestedName: true, reason: true, status: true, requestedAt: true, decidedAt: true, decisionNote: true },
    }),
  ])
  return {
    format: PERSONAL_DATA_FORMAT,
    exportedAt: now.toISOString(),
    person: { ...person, agency: person.agency?.name ?? null, agencyCode: person.agency?.code ?? null, unit: person.unit?.name ?? null },
    privacyNoticeAccepted: acceptances,
    capabilities: grants.map((grant) => ({ capability: grant.capability, agency: grant.agency?.name ?? null, unit: grant.unit?.name ?? null, grantedAt: grant.grantedAt })),
    sessions,
    trustedDevices: devices,
    enrolments: enrolments.map(({ cohort, ...enrolment }) => ({
      ...enrolment,
      cohort: cohort.name,
      cohortKind: cohort.kind,
      cohortYear: cohort.year,
      dueDate: cohort.dueDate,
      agency: cohort.agency.name,
    })),
    lessonProgress: lessons.map((lesson) => ({ ...lesson, sectionsReached: parsedJson(lesson.sectionsReached), state: parsedJson(lesson.state) })),
    quizAttempts: attempts.map((attempt) => ({ ...attempt, answers: attempt.answers.map((answer) => ({ ...answer, response: parsedJson(answer.response) })) })),
    // The follow-up 30 days after passing (decision 048): when offered and answered, the answers.
    followUps: followUps.map(({ certificate, answers, ...followUp }) => ({
      ...followUp,
      certificateNumber: certificate.number,
      answers: answers.map((answer) => ({ ...answer, response: parsedJson(answer.response) })),
    })),
    itemReports: reports,
    certificates,
    nameCorrections,
    transfers: transfers.map((transfer) => ({
      status: transfer.status,
      from: transfer.fromAgency.name,
      to: transfer.toAgency.name,
      toUnit: transfer.toUnit?.name ?? null,
      requestedAt: transfer.requestedAt,
      decidedAt: transfer.decidedAt,
      note: transfer.note,
    })),
    emails: messages,
    // Entries the person wrote carry their details; entries an officer wrote about them say what
    // and when, "oleh petugas" (the officer is another person, decision above).
    auditLog: audit.map((entry) =>
      entry.actorId === userId
        ? { at: entry.at, action: entry.action, by: 'anda' as const, ip: entry.ip, details: parsedJson(entry.details) }
        : { at: entry.at, action: entry.action, by: 'petugas' as const },
    ),
  }
}
