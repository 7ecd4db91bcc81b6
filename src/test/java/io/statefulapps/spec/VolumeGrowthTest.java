package io.statefulapps.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statefulapps.render.AppSpecFixtures;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VolumeGrowthTest {

    private static AppSpec withVolumes(String sizeA, String sizeB) {
        return AppSpecDefaults.apply(AppSpecFixtures.minimalWith("\"volumes\": ["
                + "{\"name\": \"a\", \"mountPath\": \"/a\", \"size\": \"" + sizeA + "\"},"
                + "{\"name\": \"b\", \"mountPath\": \"/b\", \"size\": \"" + sizeB + "\", \"storageClassName\": \"nas\"}]"));
    }

    @Test
    void findsOnlyTheVolumesThatGrow() {
        List<VolumeGrowth.Grown> grown = VolumeGrowth.of(withVolumes("1Gi", "1Gi"), withVolumes("1Gi", "2Gi"));
        assertEquals(List.of(new VolumeGrowth.Grown(1, "b", "nas", "1Gi", "2Gi")), grown);
        assertEquals(List.of(), VolumeGrowth.of(withVolumes("1Gi", "1Gi"), withVolumes("1024Mi", "1Gi")));
        assertEquals(List.of(), VolumeGrowth.of(withVolumes("2Gi", "1Gi"), withVolumes("1Gi", "1Gi")));
    }

    @Test
    void refusesGrowthWhereTheClassDoesNotAllowIt() {
        List<VolumeGrowth.Grown> grown = VolumeGrowth.of(withVolumes("1Gi", "1Gi"), withVolumes("3Gi", "2Gi"));
        Map<String, Boolean> classes = Map.of("standard", true, "nas", false);
        List<FieldError> errors = VolumeGrowth.refusals(grown,
                g -> g.storageClassName() == null ? "standard" : g.storageClassName(),
                name -> Optional.ofNullable(classes.get(name)));
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("volumes[1].size", errors.get(0).field());
        assertTrue(errors.get(0).message().contains("allowVolumeExpansion"), errors.get(0).message());
    }

    @Test
    void refusesGrowthWithoutAClassOrWithAnUnknownOne() {
        List<VolumeGrowth.Grown> grown = VolumeGrowth.of(withVolumes("1Gi", "1Gi"), withVolumes("3Gi", "2Gi"));
        List<FieldError> errors = VolumeGrowth.refusals(grown, g -> g.storageClassName(), name -> Optional.empty());
        assertEquals(List.of("volumes[0].size", "volumes[1].size"), errors.stream().map(FieldError::field).toList());
        assertTrue(errors.get(0).message().contains("no StorageClass"));
        assertTrue(errors.get(1).message().contains("does not exist"));
    }
}
