/**
 * The project's vocabulary: statuses, employment types and their labels (Bahasa Indonesia), and
 * the WIB (Asia/Jakarta) dates and Indonesian numbers every page, file and certificate writes.
 * Pure: usable by server and client code alike. docs/decisions/028-vocabulary-and-data-table.md.
 */
export * from './employment-types'
export * from './statuses'
export * from '@/lib/format/indonesian'
