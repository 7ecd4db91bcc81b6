package io.statefulapps.cluster;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import io.statefulapps.cluster.compaction.ReportCompaction;
import io.statefulapps.health.HealthReport;
import io.statefulapps.health.HealthTextRenderer;
import io.statefulapps.health.ReportDigest;
import io.statefulapps.health.Timestamps;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Writes a health report as the store keeps it (JSON, text, entity tag, digest) and reads the whole
 * report back from its JSON, which is written by the mapper the API answers with (its instants
 * written as that mapper writes them, only faster).
 */
final class ReportWriter {

    private final ObjectWriter writer;
    private final ObjectReader reports;
    private final int maxTextLines;
    private final Clock clock;
    private final ReportCompaction compaction = new ReportCompaction();

    ReportWriter(ObjectMapper mapper, int maxTextLines, Clock clock) {
        // The mapper's own Instant reader goes through DateTimeFormatter.ISO_INSTANT, which builds a
        // formatter per value: half of a read-back's time (JFR of GET ?lines=3). Its writer goes
        // through the formatter's general printer: see Timestamps.format. Same text either way.
        SimpleModule instants = new SimpleModule("report-instants")
                .addDeserializer(Instant.class, new InstantReader())
                .addSerializer(Instant.class, new InstantWriter());
        ObjectMapper withInstants = mapper.copy().registerModule(instants);
        this.writer = withInstants.writerFor(HealthReport.class);
        this.reports = withInstants.readerFor(HealthReport.class);
        this.maxTextLines = maxTextLines;
        this.clock = clock;
    }

    ReportDigest digest(HealthReport report) {
        return compaction.digest(report);
    }

    StoredReport stored(HealthReport report, ReportDigest digest) {
        byte[] json = json(report);
        StoredText text = StoredText.of(HealthTextRenderer.text(report, maxTextLines));
        return new StoredReport(digest, json, text, etagOf(json),
                report.observedAt() != null ? report.observedAt() : Instant.now(clock));
    }

    /** Whether {@code report}, with {@code digest}, says what {@code previous} says but for when it was observed. */
    boolean unchanged(StoredReport previous, HealthReport report, ReportDigest digest) {
        Instant observedBefore = previous.digest().observedAt();
        return previous.digest().equals(digest.withObservedAt(observedBefore))
                && Arrays.equals(previous.json(), json(report.withObservedAt(observedBefore)));
    }

    HealthReport readBack(StoredReport stored) {
        try {
            return reports.readValue(stored.json());
        } catch (IOException e) {
            throw new IllegalStateException("A stored health report could not be read back from its JSON", e);
        }
    }

    private byte[] json(HealthReport report) {
        try {
            return writer.writeValueAsBytes(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A health report could not be written as JSON", e);
        }
    }

    /** RFC 3339 instants as this service writes them, read by {@link Timestamps#parse}. */
    private static final class InstantReader extends StdScalarDeserializer<Instant> {

        InstantReader() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            Instant instant = Timestamps.parse(text);
            return instant != null ? instant
                    : (Instant) context.handleWeirdStringValue(Instant.class, text, "not an RFC 3339 instant");
        }
    }

    /** Instants as the mapper writes them ({@code DateTimeFormatter.ISO_INSTANT}), by {@link Timestamps#format}. */
    private static final class InstantWriter extends StdScalarSerializer<Instant> {

        InstantWriter() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant instant, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeString(Timestamps.format(instant));
        }
    }

    private static String etagOf(byte[] json) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json);
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
