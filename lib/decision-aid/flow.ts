/**
 * The "Sebelum unggah" decision aid as data (issue 12): yes/no questions that branch to the next
 * question or to an outcome. The lesson's interactive flow (components/decision-aid) and the
 * printable PDF (./render-decision-aid-pdf.ts) are both drawn from this one definition.
 *
 * Written in our own words from src-002 (kolonginfo.com, "Pedoman Umum" and "Hal yang Jangan
 * Dilakukan") and src-003 (Kanwil DJKN Kalbar on SE-16/MK.01/2018, the steps before uploading and
 * what to avoid). Every outcome names the rules of content/rules.yaml it rests on; flow.test.ts
 * checks that those rules exist, that every path ends in an outcome and that there is no cycle.
 * Pure: no framework imports.
 */

/** Where the PDF of the flow is served (app/unduh/sebelum-unggah.pdf/route.ts). */
export const DECISION_AID_PDF_HREF = '/unduh/sebelum-unggah.pdf'

export type OutcomeKind = 'unggah' | 'ubah-dulu' | 'jangan-unggah'

/** How each kind of outcome is named, on screen and in print. */
export const OUTCOME_LABELS: Record<OutcomeKind, string> = {
  unggah: 'Unggah',
  'ubah-dulu': 'Ubah dulu',
  'jangan-unggah': 'Jangan unggah',
}

export type DecisionQuestion = {
  kind: 'question'
  id: string
  /** A few words for the path taken ("Jawaban Anda"). */
  label: string
  text: string
  yes: string
  no: string
}

export type DecisionOutcome = {
  kind: 'outcome'
  id: string
  outcome: OutcomeKind
  text: string
  /** Rule ids of content/rules.yaml this outcome rests on. */
  rules: string[]
}

export type DecisionNode = DecisionQuestion | DecisionOutcome

export type DecisionFlow = {
  title: string
  start: string
  questions: DecisionQuestion[]
  outcomes: DecisionOutcome[]
  /** Source ids of content/sources.yaml the flow is written from. */
  sources: string[]
}

const question = (id: string, label: string, text: string, yes: string, no: string): DecisionQuestion => ({
  kind: 'question',
  id,
  label,
  text,
  yes,
  no,
})
const outcome = (id: string, kind: OutcomeKind, text: string, rules: string[]): DecisionOutcome => ({
  kind: 'outcome',
  id,
  outcome: kind,
  text,
  rules,
})

export const SEBELUM_UNGGAH: DecisionFlow = {
  title: 'Sebelum unggah: alur keputusan',
  start: 'asal',
  sources: ['src-002', 'src-003'],
  questions: [
    question(
      'asal',
      'Berasal dari orang lain',
      'Apakah yang hendak Anda unggah atau teruskan berasal dari orang lain (pesan berantai, tangkapan layar, berita, kiriman di grup)?',
      'sumber',
      'benar',
    ),
    question(
      'sumber',
      'Versi aslinya ditemukan',
      'Sudahkah Anda menemukan versi aslinya di kanal resmi, seperti situs atau akun terverifikasi instansi yang berwenang, atau pengumuman tertulis?',
      'benar',
      'tahan-sumber',
    ),
    question(
      'benar',
      'Benar dan utuh',
      'Apakah isinya benar dan utuh (tanggalnya cocok, tidak dipotong dari konteksnya), dan Anda sanggup mempertanggungjawabkannya bila ditanya?',
      'terbuka',
      'jangan-keliru',
    ),
    question(
      'terbuka',
      'Sudah terbuka untuk umum',
      'Apakah seluruh isinya sudah diumumkan resmi, bukan bahan rapat internal, draf, rahasia pekerjaan, atau informasi nonpublik lainnya?',
      'bebas-benci',
      'jangan-rahasia',
    ),
    question(
      'bebas-benci',
      'Tanpa kebencian dan SARA',
      'Apakah isinya bersih dari ujaran kebencian, isu SARA, radikalisme, pelecehan, dan diskriminasi?',
      'netral',
      'jangan-benci',
    ),
    question(
      'netral',
      'Netral secara politik',
      'Apakah isinya netral, tanpa dukungan kepada calon, partai, atau kubu politik mana pun?',
      'konteks',
      'jangan-berpihak',
    ),
    question(
      'konteks',
      'Waktu dan tempat tepat',
      'Apakah tempat, waktu, dan suasananya tepat? Contoh yang kurang tepat: konten bernuansa politik di masa pemilu, atau foto bersantai ketika daerah Anda sedang berduka.',
      'privasi',
      'ubah-konteks',
    ),
    question(
      'privasi',
      'Tanpa data pribadi',
      'Apakah unggahan itu bebas dari informasi pribadi yang bukan untuk publik, misalnya alamat rumah Anda atau orang lain?',
      'perjalanan',
      'ubah-privasi',
    ),
    question('perjalanan', 'Tentang perjalanan dinas', 'Apakah unggahan itu tentang perjalanan dinas?', 'tugas', 'bahasa'),
    question(
      'tugas',
      'Menonjolkan tugas',
      'Apakah yang ditonjolkan adalah tugas dan hasilnya, bukan kesan jalan-jalan atau menghamburkan uang?',
      'bahasa',
      'ubah-dinas',
    ),
    question(
      'bahasa',
      'Bahasa sopan',
      'Apakah bahasanya sopan, tanpa umpatan, sindiran kasar, atau huruf kapital semua yang terasa seperti berteriak?',
      'manfaat',
      'ubah-bahasa',
    ),
    question(
      'manfaat',
      'Bermanfaat dan sesuai',
      'Apakah unggahan itu bermanfaat bagi pembacanya, dan keterangannya sesuai dengan foto atau videonya?',
      'unggah',
      'ubah-manfaat',
    ),
  ],
  outcomes: [
    outcome(
      'tahan-sumber',
      'jangan-unggah',
      'Tahan dulu. Cari versi aslinya di kanal resmi; selama sumbernya belum jelas, jangan diteruskan, juga tidak dengan catatan “belum tentu benar”.',
      ['check-source'],
    ),
    outcome(
      'jangan-keliru',
      'jangan-unggah',
      'Informasi yang keliru, terpotong, atau tidak sanggup Anda pertanggungjawabkan tidak layak dibagikan.',
      ['check-truth'],
    ),
    outcome(
      'jangan-rahasia',
      'jangan-unggah',
      'Tunggu sampai informasinya diumumkan melalui kanal resmi instansi, lalu bagikan versi resminya.',
      ['upload-not-secret', 'avoid-secret'],
    ),
    outcome(
      'jangan-benci',
      'jangan-unggah',
      'Konten seperti ini tidak boleh diunggah, disukai, maupun dibagikan, sekalipun Anda hanya meneruskannya.',
      ['avoid-hate'],
    ),
    outcome(
      'jangan-berpihak',
      'jangan-unggah',
      'ASN harus netral. Unggahan yang memihak calon, partai, atau kubu politik bukan untuk Anda buat atau teruskan.',
      ['avoid-partisan'],
    ),
    outcome(
      'ubah-konteks',
      'ubah-dulu',
      'Pilih waktu dan tempat yang lebih tepat, atau urungkan. Di masa pemilu, konten bernuansa politik sebaiknya tidak dibagikan.',
      ['check-context'],
    ),
    outcome(
      'ubah-privasi',
      'ubah-dulu',
      'Hapus atau samarkan alamat rumah dan informasi pribadi lainnya sebelum mengunggah.',
      ['avoid-privacy-leak'],
    ),
    outcome(
      'ubah-dinas',
      'ubah-dulu',
      'Tampilkan tugas dan hasil kegiatannya. Unggahan perjalanan dinas yang terkesan bersenang-senang mudah dianggap memboroskan anggaran negara.',
      ['avoid-trip-flex'],
    ),
    outcome(
      'ubah-bahasa',
      'ubah-dulu',
      'Tulis ulang dengan pilihan kata yang sopan. Kritik tetap boleh disampaikan tanpa umpatan atau sindiran.',
      ['upload-polite'],
    ),
    outcome(
      'ubah-manfaat',
      'ubah-dulu',
      'Sesuaikan keterangan dengan foto atau videonya, dan pastikan unggahan itu berguna bagi pembacanya. Jika tidak, urungkan saja.',
      ['upload-useful'],
    ),
    outcome(
      'unggah',
      'unggah',
      'Unggahan Anda lolos semua pertanyaan. Sertakan tautan ke sumber resminya bila ada, agar pembaca dapat memeriksanya sendiri.',
      ['check-source', 'check-truth', 'upload-useful'],
    ),
  ],
}

/**
 * Where a learner reads more about each rule an outcome rests on: the lesson that teaches it (its
 * RuleCard is the anchor #aturan-<rule>) and a short label. flow.test.ts checks each lesson
 * really teaches the rule.
 */
export const RULE_REFERENCES: Record<string, { lesson: string; label: string }> = {
  'check-source': { lesson: 'sebelum-mengunggah', label: 'Periksa sumbernya' },
  'check-truth': { lesson: 'sebelum-mengunggah', label: 'Pastikan benar dan layak dibagikan' },
  'check-context': { lesson: 'sebelum-mengunggah', label: 'Perhatikan tempat, waktu, dan suasana' },
  'upload-useful': { lesson: 'sebelum-mengunggah', label: 'Bermanfaat, keterangan sesuai foto' },
  'upload-polite': { lesson: 'sebelum-mengunggah', label: 'Bahasa yang sopan' },
  'upload-not-secret': { lesson: 'sebelum-mengunggah', label: 'Hanya informasi yang sudah terbuka' },
  'avoid-secret': { lesson: 'yang-harus-dihindari', label: 'Rahasia pekerjaan tetap rahasia' },
  'avoid-hate': { lesson: 'yang-harus-dihindari', label: 'Tanpa kebencian dan SARA' },
  'avoid-partisan': { lesson: 'yang-harus-dihindari', label: 'Netral secara politik' },
  'avoid-privacy-leak': { lesson: 'yang-harus-dihindari', label: 'Jaga informasi pribadi' },
  'avoid-trip-flex': { lesson: 'yang-harus-dihindari', label: 'Unggahan perjalanan dinas' },
}

/** The link to a rule's card in the lesson that teaches it. */
export function ruleHref(rule: string): string {
  const reference = RULE_REFERENCES[rule]
  return reference ? `/belajar/${reference.lesson}#aturan-${rule}` : '/dasbor'
}

/** Looks a node up by id; undefined for an unknown id. */
export function findNode(flow: DecisionFlow, id: string): DecisionNode | undefined {
  return flow.questions.find((item) => item.id === id) ?? flow.outcomes.find((item) => item.id === id)
}

/** 1-based number of a question, as printed ("Pertanyaan 3"). */
export function questionNumber(flow: DecisionFlow, id: string): number {
  return flow.questions.findIndex((item) => item.id === id) + 1
}

export type FlowProblem = string

/**
 * Problems with a flow: duplicate ids, branches to unknown nodes, questions or outcomes no path
 * reaches, cycles, outcomes with no rule. Empty when the flow is sound.
 */
export function checkFlow(flow: DecisionFlow, knownRuleIds: ReadonlySet<string>): FlowProblem[] {
  const problems: FlowProblem[] = []
  const ids = [...flow.questions, ...flow.outcomes].map((node) => node.id)
  for (const id of new Set(ids)) if (ids.filter((other) => other === id).length > 1) problems.push(`id "${id}" is used twice`)
  if (!flow.questions.some((item) => item.id === flow.start)) problems.push(`start "${flow.start}" is not a question`)
  for (const item of flow.questions) {
    for (const target of [item.yes, item.no]) {
      if (!findNode(flow, target)) problems.push(`question "${item.id}" leads to unknown node "${target}"`)
    }
  }
  for (const item of flow.outcomes) {
    if (item.rules.length === 0) problems.push(`outcome "${item.id}" cites no rule`)
    for (const rule of item.rules) if (!knownRuleIds.has(rule)) problems.push(`outcome "${item.id}" cites unknown rule "${rule}"`)
  }
  // Depth-first walk from the start: a node met again on the current path is a cycle.
  const reached = new Set<string>()
  const walk = (id: string, path: string[]) => {
    if (path.includes(id)) {
      problems.push(`cycle: ${[...path, id].join(' → ')}`)
      return
    }
    const node = findNode(flow, id)
    if (!node) return
    const seen = reached.has(id)
    reached.add(id)
    if (node.kind === 'question' && !seen) {
      walk(node.yes, [...path, id])
      walk(node.no, [...path, id])
    }
  }
  walk(flow.start, [])
  for (const id of ids) if (!reached.has(id)) problems.push(`"${id}" is reached by no path`)
  return problems
}

/** Every path from the start to an outcome, as node ids (for tests and reviews). */
export function allPaths(flow: DecisionFlow): string[][] {
  const paths: string[][] = []
  const walk = (id: string, path: string[]) => {
    const node = findNode(flow, id)
    if (!node || path.includes(id)) return
    if (node.kind === 'outcome') paths.push([...path, id])
    else {
      walk(node.yes, [...path, id])
      walk(node.no, [...path, id])
    }
  }
  walk(flow.start, [])
  return paths
}
