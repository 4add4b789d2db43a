import type { PrismaPg } from '@prisma/adapter-pg'

type PgAdapter = Awaited<ReturnType<PrismaPg['connect']>>
type Queryable = { query(sql: string): Promise<unknown> }

/**
 * @prisma/adapter-pg 6.19 runs a migration script by splitting it at every `;` and sending the
 * pieces one by one: a `;` inside a comment, a string or a dollar-quoted function body (the
 * triggers of migration 20261202023944_enrolment_facts) cuts a statement in two, and a failure
 * halfway leaves the earlier statements applied. PostgreSQL parses a whole script itself when it
 * comes as one simple query (no parameters), and runs it as one implicit transaction: all of a
 * migration or none of it. Only the Prisma CLI (prisma.config.ts) runs scripts.
 */
export function runMigrationScriptsWhole(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory)
  factory.connect = async () => {
    const adapter: PgAdapter = await connect()
    const client = (adapter as unknown as { client: Queryable }).client
    const onError = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter)
    adapter.executeScript = async (script: string) => {
      try {
        await client.query(script)
      } catch (error) {
        onError(error)
      }
    }
    return adapter
  }
  return factory
}
