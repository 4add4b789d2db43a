/**
 * Who the HR pages and reports count (decision 037): everyone of the agency is a learner, HR
 * officers and unit operators included, as long as they are a civil servant we can report: a NIP,
 * or a claim whose NIP was rejected (still counted, flagged). Platform staff without a NIP are
 * not (no certificate can be issued without one). The SQL form: COUNTED_PERSON_SQL in
 * enrolment-rows.server.ts.
 */
export const COUNTED_PERSON_WHERE = { OR: [{ nip: { not: null } }, { identityStatus: 'rejected' as const }] }
