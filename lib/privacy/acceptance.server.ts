import 'server-only'
import type { Db } from '@/lib/db/create-client'
import { PRIVACY_NOTICE_VERSION } from './notice'

type TransactionClient = Parameters<Parameters<Db['$transaction']>[0]>[0]

/**
 * Records that the person accepted the current privacy notice, in the caller's transaction (with
 * the registration's or activation's other writes). Accepting the same version again is a no-op.
 */
export async function recordPrivacyAcceptance(tx: TransactionClient, userId: string, now = new Date()): Promise<void> {
  await tx.privacyAcceptance.upsert({
    where: { userId_version: { userId, version: PRIVACY_NOTICE_VERSION } },
    create: { userId, version: PRIVACY_NOTICE_VERSION, acceptedAt: now },
    update: {},
  })
}
