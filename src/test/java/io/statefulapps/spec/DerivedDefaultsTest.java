package io.statefulapps.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DerivedDefaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            // patched | patch | expected
            "{'service':{'type':'ClusterIP','externalTrafficPolicy':'Cluster'}} | {'service':{'type':'ClusterIP'}} | {'service':{'type':'ClusterIP'}}",
            "{'service':{'type':'ClusterIP','externalTrafficPolicy':'Local'}} | {'service':{'type':'ClusterIP','externalTrafficPolicy':'Local'}} | {'service':{'type':'ClusterIP','externalTrafficPolicy':'Local'}}",
            "{'service':{'type':'NodePort','externalTrafficPolicy':'Cluster'}} | {'service':{'type':'NodePort'}} | {'service':{'type':'NodePort','externalTrafficPolicy':'Cluster'}}",
            "{'service':{'type':'ClusterIP','externalTrafficPolicy':'Cluster'}} | {'replicas':2} | {'service':{'type':'ClusterIP','externalTrafficPolicy':'Cluster'}}",
            "{'updateStrategy':{'type':'OnDelete','partition':0}} | {'updateStrategy':{'type':'OnDelete'}} | {'updateStrategy':{'type':'OnDelete'}}",
            "{'updateStrategy':{'type':'RollingUpdate','partition':0}} | {'updateStrategy':{'type':'RollingUpdate'}} | {'updateStrategy':{'type':'RollingUpdate','partition':0}}",
            "{'updateStrategy':{'type':'OnDelete','partition':2}} | {'updateStrategy':{'type':'OnDelete','partition':2}} | {'updateStrategy':{'type':'OnDelete','partition':2}}",
    })
    void dropsOnlyTheDefaultsThePatchMadeStale(String patched, String patch, String expected) throws Exception {
        assertEquals(JSON.readTree(expected.replace('\'', '"')), DerivedDefaults.forgetStale(
                JSON.readTree(patched.replace('\'', '"')), JSON.readTree(patch.replace('\'', '"'))));
    }
}
