package io.statefulapps.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The client Service: how traffic from outside the set reaches it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceSpec(
        String name,
        String type,
        String externalTrafficPolicy,
        Map<String, String> annotations,
        String sessionAffinity,
        List<String> loadBalancerSourceRanges,
        String loadBalancerClass) {
}
