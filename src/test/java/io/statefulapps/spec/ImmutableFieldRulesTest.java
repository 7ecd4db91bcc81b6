package io.statefulapps.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statefulapps.render.AppSpecFixtures;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImmutableFieldRulesTest {

    private static final String VOLUME = "\"volumes\": [{\"name\": \"data\", \"mountPath\": \"/data\", \"size\": \"1Gi\"}]";

    private static AppSpec spec(String members) {
        return AppSpecDefaults.apply(AppSpecFixtures.minimalWith(members));
    }

    private static List<String> fields(String before, String after) {
        return ImmutableFieldRules.check("db", spec(before), spec(after)).stream().map(FieldError::field).toList();
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            // before | after | refused fields
            "\"replicas\": 2 | \"replicas\": 3, \"image\": \"postgres:17\" | ''",
            "'' | \"podManagementPolicy\": \"Parallel\" | podManagementPolicy",
            "'' | \"podManagementPolicy\": \"OrderedReady\" | ''",
            "'' | \"headlessServiceName\": \"db-peers\" | headlessServiceName",
            "'' | \"service\": {\"name\": \"db-client\"} | service.name",
            "'' | \"service\": {\"type\": \"LoadBalancer\"} | ''",
            VOLUME + " | \"volumes\": [{\"name\": \"data\", \"mountPath\": \"/var/data\", \"size\": \"2Gi\"}] | ''",
            VOLUME + " | \"volumes\": [{\"name\": \"data\", \"mountPath\": \"/data\", \"size\": \"512Mi\"}] | volumes[0].size",
            VOLUME + " | \"volumes\": [{\"name\": \"data\", \"mountPath\": \"/data\", \"size\": \"1024Mi\"}] | ''",
            VOLUME + " | \"volumes\": [{\"name\": \"data\", \"mountPath\": \"/data\", \"size\": \"1Gi\", \"storageClassName\": \"fast\"}] | volumes[0].storageClassName",
            VOLUME + " | \"volumes\": [{\"name\": \"data\", \"mountPath\": \"/data\", \"size\": \"1Gi\", \"accessModes\": [\"ReadWriteMany\"]}] | volumes[0].accessModes",
            VOLUME + " | \"volumes\": [{\"name\": \"data\", \"mountPath\": \"/data\", \"size\": \"1Gi\", \"volumeMode\": \"Block\"}] | volumes[0].volumeMode",
            VOLUME + " | \"volumes\": [{\"name\": \"data2\", \"mountPath\": \"/data\", \"size\": \"1Gi\"}] | volumes,volumes[0]",
            VOLUME + " | '' | volumes",
            "'' | " + VOLUME + " | volumes[0]",
    })
    void refusesWhatKubernetesCannotChange(String before, String after, String refused) {
        assertEquals(refused.isEmpty() ? List.of() : List.of(refused.split(",")), fields(before, after));
    }

    @org.junit.jupiter.api.Test
    void theNameMustStayThePathsName() {
        AppSpec renamed = AppSpecDefaults.apply(AppSpecFixtures.json(
                "{\"name\": \"db2\", \"image\": \"postgres:16\", \"ports\": [{\"port\": 5432}]}"));
        List<FieldError> errors = ImmutableFieldRules.check("db", spec(""), renamed);
        assertEquals("name", errors.get(0).field());
        assertTrue(errors.get(0).message().contains("'db'"), errors.get(0).message());
    }

    @org.junit.jupiter.api.Test
    void everyRefusalSaysWhatToDoInstead() {
        List<FieldError> errors = ImmutableFieldRules.check("db", spec(VOLUME),
                spec("\"podManagementPolicy\": \"Parallel\", \"headlessServiceName\": \"x\""));
        assertEquals(3, errors.size(), errors.toString());
        errors.forEach(e -> assertTrue(e.message().contains("create a new app") || e.message().contains("delete"),
                e.message()));
    }
}
