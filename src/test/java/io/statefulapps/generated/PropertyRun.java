package io.statefulapps.generated;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Sends generated requests one after the other and holds every answer to {@link AnswerContract}; a
 * failure names the seed (to run it again: {@code -Dgenerated.seed=…}), the number of the input and
 * the input itself.
 */
final class PropertyRun {

    private static final int SHOWN = 5;

    private PropertyRun() {
    }

    static List<Exchange> check(String property, long seed, List<Exchange.Request> requests, RawHttp http) {
        long started = System.nanoTime();
        List<Exchange> exchanges = new ArrayList<>(requests.size());
        List<String> violations = new ArrayList<>();
        Map<String, Integer> tally = new TreeMap<>();
        Map<String, Integer> reported = new TreeMap<>();
        for (int i = 0; i < requests.size(); i++) {
            Exchange exchange = http.send(requests.get(i));
            exchanges.add(exchange);
            tally.merge(exchange.request().kind() + " " + exchange.answer().status(), 1, Integer::sum);
            Optional<String> violation = AnswerContract.violation(exchange);
            Optional<ReportedDefects.Defect> known = violation.flatMap(v -> ReportedDefects.explaining(exchange));
            if (known.isPresent()) {
                reported.merge(known.get().what() + " [fix: " + known.get().fix() + "]", 1, Integer::sum);
            } else if (violation.isPresent()) {
                violations.add("input #" + i + ": " + violation.get() + "\n" + exchange.describe());
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        writeTranscript(property, seed, exchanges);
        System.out.printf("[generated] %s: %d inputs in %d ms, seed %d; answers %s%n", property, requests.size(),
                millis, seed, tally);
        reported.forEach((defect, count) -> System.out.printf(
                "[generated] %s: REPORTED DEFECT, %d input(s): %s%n", property, count, defect));
        if (!violations.isEmpty()) {
            throw new AssertionError(property + ": " + violations.size() + " of " + requests.size()
                    + " answers break the contract (seed " + seed + ", -Dgenerated.seed=" + seed + "); the first "
                    + Math.min(SHOWN, violations.size()) + ":\n" + String.join("\n", violations.subList(0,
                    Math.min(SHOWN, violations.size()))));
        }
        return exchanges;
    }

    /** Every input and its answer, one line each, in target/generated/ (to read what a run did). */
    private static void writeTranscript(String property, long seed, List<Exchange> exchanges) {
        StringBuilder lines = new StringBuilder("seed " + seed + "\n");
        for (int i = 0; i < exchanges.size(); i++) {
            Exchange e = exchanges.get(i);
            lines.append('#').append(i).append(' ').append(e.request().kind()).append(" | ")
                    .append(Exchange.cut(e.request().label(), 120)).append(" | ").append(e.request().method()).append(' ')
                    .append(Exchange.cut(e.request().pathAndQuery(), 120)).append(" -> ").append(e.answer().status())
                    .append(' ').append(Exchange.cut(e.answer().body().replace('\n', ' '), 200)).append('\n');
        }
        try {
            Path file = Path.of("target", "generated", property.replaceAll("[^A-Za-z0-9]+", "-") + ".txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
