package io.statefulapps.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The committed contract as the service serves it: the file's own bytes in YAML, and the same
 * document in JSON, made from them on demand (reading 150 KB of YAML costs a few hundred
 * milliseconds of a cold start, and most starts are never asked for JSON).
 */
final class ContractDocument {

    static final String RESOURCE = "contract/openapi.yaml";

    private final byte[] yaml;

    ContractDocument(byte[] yaml) {
        this.yaml = yaml.clone();
    }

    /** The contract on the class path (where the build puts {@code openapi/openapi.yaml}). */
    static ContractDocument onClassPath() {
        try (InputStream in = ContractDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return new ContractDocument(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] yaml() {
        return yaml;
    }

    /** The same document in JSON, made anew at each call. */
    byte[] toJson() {
        try {
            return new ObjectMapper().writeValueAsBytes(new ObjectMapper(new YAMLFactory()).readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException("The committed contract is not valid YAML", e);
        }
    }
}
