import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { DataTable, fromExport, type TableColumn } from '@/components/data-table'
import { CohortPicker } from '@/components/hr/cohort-picker'
import { requireHrOfficer } from '@/lib/auth/session.server'
import { formatNumber, MISSING } from '@/lib/format/indonesian'
import type { RuleAnalysis } from '@/lib/hr/dashboard'
import { RULE_ANALYSIS_COLUMNS } from '@/lib/hr/dashboard-columns'
import { getItemAnalysis } from '@/lib/hr/dashboard.server'
import type { ColumnDef } from '@/lib/reports/columns'

const [ruleColumn, answeredColumn, wrongColumn] = RULE_ANALYSIS_COLUMNS as [ColumnDef<RuleAnalysis>, ColumnDef<RuleAnalysis>, ColumnDef<RuleAnalysis>]

const RULE_COLUMNS: readonly TableColumn<RuleAnalysis>[] = [
  fromExport(ruleColumn, {
    rowHeader: true,
    cell: (rule) => (rule.lessonSlug ? <Link prefetch={false} href={`/belajar/${rule.lessonSlug}#aturan-${rule.ruleId}`}>{rule.title}</Link> : rule.title),
  }),
  fromExport(answeredColumn),
  fromExport(wrongColumn, { cell: (rule) => (rule.wrongPercent === null ? MISSING : `${formatNumber(rule.wrongPercent)}% (${formatNumber(rule.wrong)})`) }),
]

export const metadata: Metadata = { title: 'Analisis soal per aturan' }

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

export default async function ItemAnalysisPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const officer = await requireHrOfficer('/hr/analisis-soal')
  const cohortId = single((await searchParams).kelompok)?.trim() || null
  const analysis = await getItemAnalysis(officer.agencyId, cohortId)
  if (!analysis) notFound()
  const { selected } = analysis

  return (
    <>
      <h1>Analisis soal per aturan</h1>
      <p className="muted">
        Bagian jawaban uji akhir sebuah kelompok yang belum tepat (nilai di bawah penuh), per aturan yang diuji soal. Delapan poin SE
        MenPAN-RB 137/2018 lebih dahulu. Persentase tinggi menandakan materi yang perlu diajarkan ulang.
      </p>
      {!selected ? (
        <p>
          Belum ada kelompok. Tetapkan orientasi atau penyegaran di halaman <Link prefetch={false} href="/hr/kelompok">Kelompok</Link>.
        </p>
      ) : (
        <>
          <CohortPicker action="/hr/analisis-soal" cohorts={analysis.cohorts} selectedId={selected.id} />
          <DataTable
            caption={`Analisis soal per aturan, ${selected.name}`}
            columns={RULE_COLUMNS}
            rows={analysis.items}
            rowKey={(rule) => rule.ruleId}
            rowProps={(rule) => ({ 'data-rule': rule.ruleId })}
            empty="Belum ada aturan yang diuji."
          />
          <p>
            <Link prefetch={false} href={`/hr?kelompok=${encodeURIComponent(selected.id)}`}>Kembali ke ringkasan {selected.name}</Link>
          </p>
        </>
      )}
    </>
  )
}
