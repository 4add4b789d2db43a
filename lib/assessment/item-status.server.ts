import 'server-only'
import type { Db } from '@/lib/db/create-client'
import { db } from '@/lib/db/db.server'

type TransactionClient = Parameters<Parameters<Db['$transaction']>[0]>[0]
type Client = Db | TransactionClient

/**
 * Items an admin took out of service (decision 035), read from the database on every call so
 * that every app instance sees a decision at once. The table holds only items under review or
 * withdrawn (a handful), so this is one small read.
 */
export async function readItemStates(client: Client = db): Promise<Map<string, 'under_review' | 'withdrawn'>> {
  const rows = await client.itemStatus.findMany({ select: { itemId: true, state: true } })
  return new Map(rows.map((row) => [row.itemId, row.state]))
}

/** Items no new attempt may draw: under review or withdrawn. */
export async function itemsOutOfDraws(client: Client = db): Promise<string[]> {
  return [...(await readItemStates(client)).keys()]
}

/** Items withdrawn as defective: they count in no score. */
export async function withdrawnItemIds(client: Client = db): Promise<Set<string>> {
  const rows = await client.itemStatus.findMany({ where: { state: 'withdrawn' }, select: { itemId: true } })
  return new Set(rows.map((row) => row.itemId))
}
