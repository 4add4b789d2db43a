export default function CertificateNotFound() {
  return (
    <div className="narrow">
      <h1>Sertifikat tidak ditemukan</h1>
      <p className="alert error" role="status">
        Kode ini tidak cocok dengan sertifikat mana pun. Periksa kembali alamat atau pindai ulang kode QR pada sertifikat.
      </p>
    </div>
  )
}
