/**
 * Certificates for passing the digital-skills exam: Open Badges 3.0 verifiable credentials signed
 * by the issuing province's Ed25519 key (eddsa-rdfc-2022), printable PDFs with a QR code, public
 * verification, revocation through a status list, and key rotation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Chứng nhận")
package vn.binhdan.certification;
