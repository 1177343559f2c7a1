package vn.binhdan.certification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicUrl the address the public reaches this platform at: credential, issuer and
 *                  verification ids are built on it, so it must not change once certificates exist
 * @param keySecret seals the issuers' private keys in the database
 */
@ConfigurationProperties("binhdan.certification")
public record CertificationProperties(String publicUrl, String keySecret) {

    public CertificationProperties {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080"
                : publicUrl.replaceAll("/+$", "");
        if (keySecret == null || keySecret.length() < 16) {
            throw new IllegalStateException("binhdan.certification.key-secret must be set (16 characters or more)");
        }
    }
}
