package io.statefulapps.embedded.apiserver;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The API server's TLS identity, PEM-encoded: a self-signed certificate for {@code 127.0.0.1} and
 * {@code localhost} and its private key. kubectl sends a bearer token only over TLS, so an API
 * server that checks tokens must serve HTTPS; clients trust this certificate as their certificate
 * authority (kubeconfig {@code certificate-authority-data}), the way kubeadm's clusters hand out
 * their CA.
 *
 * @param certificatePem {@code -----BEGIN CERTIFICATE-----} ...
 * @param privateKeyPem PKCS#8, {@code -----BEGIN PRIVATE KEY-----} ...
 */
public record ServingCertificate(String certificatePem, String privateKeyPem) {

    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final Duration VALIDITY = Duration.ofDays(365);

    /** A new key pair (EC P-256) and a certificate valid from an hour before {@code now} for a year. */
    public static ServingCertificate selfSigned(Instant now) {
        try {
            SecureRandom random = new SecureRandom();
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair keys = generator.generateKeyPair();
            byte[] algorithm = DerWriter.sequence(DerWriter.oid(ECDSA_WITH_SHA256));
            byte[] name = DerWriter.sequence(DerWriter.set(DerWriter.sequence(DerWriter.oid(COMMON_NAME),
                    DerWriter.utf8("stateful-apps-embedded-apiserver"))));
            byte[] toBeSigned = DerWriter.sequence(
                    DerWriter.explicit(0, DerWriter.integer(BigInteger.TWO)),
                    DerWriter.integer(new BigInteger(64, random).add(BigInteger.ONE)),
                    algorithm,
                    name,
                    DerWriter.sequence(DerWriter.utcTime(now.minus(Duration.ofHours(1))),
                            DerWriter.utcTime(now.plus(VALIDITY))),
                    name,
                    keys.getPublic().getEncoded(),
                    DerWriter.explicit(3, DerWriter.sequence(
                            DerWriter.sequence(DerWriter.oid(BASIC_CONSTRAINTS), DerWriter.bool(true),
                                    DerWriter.octetString(DerWriter.sequence(DerWriter.bool(true)))),
                            DerWriter.sequence(DerWriter.oid(SUBJECT_ALT_NAME), DerWriter.octetString(
                                    DerWriter.sequence(DerWriter.implicit(7, new byte[] {127, 0, 0, 1}),
                                            DerWriter.implicit(2, "localhost".getBytes(StandardCharsets.US_ASCII))))))));
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate(), random);
            signer.update(toBeSigned);
            byte[] certificate = DerWriter.sequence(toBeSigned, algorithm, DerWriter.bitString(signer.sign()));
            return new ServingCertificate(pem("CERTIFICATE", certificate), pem("PRIVATE KEY",
                    keys.getPrivate().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK signs with ECDSA on P-256", e);
        }
    }

    /** The certificate's PEM, base64-encoded again: a kubeconfig's {@code certificate-authority-data}. */
    public String certificateAuthorityData() {
        return Base64.getEncoder().encodeToString(certificatePem.getBytes(StandardCharsets.US_ASCII));
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
