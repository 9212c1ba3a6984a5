package org.metrohub.portal.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's token signing key: an EC P-256 key pair (ES256) kept as a JWK in a file readable by its owner only.
 * The first instance to start makes it; every other instance sharing the file reads the same key, so they
 * accept each other's tokens. The public half is published at {@code /.well-known/jwks.json}.
 */
public final class SigningKey {

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

    private final ECKey key;

    private SigningKey(ECKey key) {
        this.key = key;
    }

    public static SigningKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            ECKey key = ECKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!key.isPrivate()) {
                throw new IllegalStateException("Signing key file " + file + " holds no private key");
            }
            log.info("Token signing key {} loaded from {}", key.getKeyID(), file);
            return new SigningKey(key);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the signing key file " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("Signing key file " + file + " is not a JWK: " + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException {
        ECKey key;
        try {
            key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an EC P-256 key", e);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".signing-key", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, key.toJSONString(), StandardCharsets.UTF_8);
        try {
            // Two instances may start together: the first to move its key in wins, the other reads it.
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            log.info("Made a new token signing key in {}", file);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(tmp);
        }
    }

    public ECKey privateJwk() {
        return key;
    }

    public ECKey publicJwk() {
        return key.toPublicJWK();
    }

    public String keyId() {
        return key.getKeyID();
    }
}
