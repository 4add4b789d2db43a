import { dropTestDatabaseCopies, prepareBaseDatabase, providerUnderTest } from './test-databases'

export default async function setup() {
  console.log(`integration suite: database provider ${providerUnderTest()}`)
  await dropTestDatabaseCopies()
  await prepareBaseDatabase()
  return dropTestDatabaseCopies
}
