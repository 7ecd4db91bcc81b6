package io.statefulapps.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AppSpecJsonTest {

    @Test
    void targetPortAcceptsNumbersAndNames() throws Exception {
        var mapper = new ObjectMapper();
        var byNumber = mapper.readValue("{\"name\":\"http\",\"port\":80,\"targetPort\":8080}", PortSpec.class);
        var byName = mapper.readValue("{\"name\":\"http\",\"port\":80,\"targetPort\":\"web\"}", PortSpec.class);
        assertEquals(8080, byNumber.targetPort().getIntVal());
        assertEquals("web", byName.targetPort().getStrVal());
    }
}
