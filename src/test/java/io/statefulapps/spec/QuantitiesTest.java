package io.statefulapps.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitiesTest {

    static Stream<Arguments> amounts() {
        return Stream.of(
                Arguments.of("100m", "0.1"),
                Arguments.of("2", "2"),
                Arguments.of(".5", "0.5"),
                Arguments.of("512Mi", "536870912"),
                Arguments.of("1Gi", "1073741824"),
                Arguments.of("1G", "1000000000"),
                Arguments.of("1e3", "1000"),
                Arguments.of("-1", "-1"));
    }

    @ParameterizedTest
    @MethodSource("amounts")
    void computesAmounts(String quantity, String amount) {
        assertEquals(0, new BigDecimal(amount).compareTo(Quantities.amount(quantity).orElseThrow()), quantity);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lots", "", "1 Gi", "1gb", "1GB", "Gi", "1.2.3", "1Gi ", "0x10", "1e", "1Kii"})
    void refusesWhatKubernetesRefuses(String quantity) {
        assertEquals(Optional.empty(), Quantities.amount(quantity), quantity);
    }
}
