package io.statefulapps.embedded.apiserver;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PagingTest extends ApiServerTestBase {

    @Test
    void limitAndContinueWalkTheWholeList() {
        for (int i = 0; i < 5; i++) {
            client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("page-" + i).endMetadata()
                    .build()).create();
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            ConfigMapList page = client.configMaps().list(new ListOptionsBuilder().withLimit(2L).withContinue(token).build());
            page.getItems().forEach(c -> seen.add(c.getMetadata().getName()));
            token = page.getMetadata().getContinue();
            if (token != null && token.isEmpty()) {
                token = null;
            }
            if (pages == 0) {
                assertEquals(3L, page.getMetadata().getRemainingItemCount());
            }
            pages++;
        } while (token != null);
        assertEquals(3, pages);
        assertEquals(List.of("page-0", "page-1", "page-2", "page-3", "page-4"), seen);
        // no limit: everything, no continue
        ConfigMapList all = client.configMaps().list();
        assertEquals(5, all.getItems().size());
        assertNull(all.getMetadata().getContinue());
    }
}
