import 'server-only'
import type { Db } from '@/lib/db/create-client'

export type HrOfficer = { userId: string; name: string; email: string; agencyId: string; agencyName: string }

/**
 * Who receives HR's mail (the weekly digest): every holder of an `hr` grant (decision 037) whose
 * account is active, once per agency they hold it for, with that agency. Ordered by agency, then
 * person, so a tick reads each agency's counts once.
 */
export async function hrOfficers(db: Db): Promise<HrOfficer[]> {
  return db.$queryRaw<HrOfficer[]>`
    SELECT u."id" AS "userId", u."name" AS "name", u."email" AS "email", g."agencyId" AS "agencyId", a."name" AS "agencyName"
    FROM "capability_grant" g
      JOIN "user" u ON u."id" = g."userId"
      JOIN "agency" a ON a."id" = g."agencyId"
    WHERE CAST(g."capability" AS TEXT) = 'hr' AND u."disabledAt" IS NULL
    ORDER BY g."agencyId", u."id"`
}
