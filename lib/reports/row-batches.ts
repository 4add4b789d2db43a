/**
 * Rows handed to a report writer a page at a time. A writer iterates rows with `for await`; when
 * the rows pass through several async generators (the read model's pages, the report's row
 * mapping, the audit count), every row costs a few promises in each of them, and in a Next.js
 * server every promise also runs the async-context hook (AsyncLocalStorage on Node 20): for
 * 100,000 rows that was ~160 MB of short-lived allocations, part of which V8 promoted to its old
 * space (docs/benchmarks.md, "The report's memory"). Wrapping a source of pages in `RowBatches`
 * lets the writers await once per page and loop over its rows synchronously.
 */

export class RowBatches<Row> {
  /** Each page is iterated once, synchronously (it may make its rows as they are asked for). */
  constructor(readonly batches: AsyncIterable<Iterable<Row>>) {}
}

/** What the writers accept: rows one at a time (sync or async), or pages of rows. */
export type RowSource<Row> = AsyncIterable<Row> | Iterable<Row> | RowBatches<Row>

async function* oneByOne<Row>(rows: AsyncIterable<Row> | Iterable<Row>): AsyncGenerator<Iterable<Row>> {
  for await (const row of rows) yield [row]
}

/** The source as pages of rows (a plain iterable becomes pages of one row). */
export function batchesOf<Row>(source: RowSource<Row>): AsyncIterable<Iterable<Row>> {
  return source instanceof RowBatches ? source.batches : oneByOne(source)
}
