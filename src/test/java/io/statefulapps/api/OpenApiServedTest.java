package io.statefulapps.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The service serves exactly the committed contract, in YAML and in JSON. */
@QuarkusTest
class OpenApiServedTest {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    JsonNode committed() throws Exception {
        return YAML.readTree(Files.readString(Path.of("openapi/openapi.yaml")));
    }

    @Test
    void servedYamlEqualsTheCommittedContract() throws Exception {
        String served = given().get("/q/openapi").then().statusCode(200).extract().asString();
        assertEquals(committed(), YAML.readTree(served));
    }

    @Test
    void servedYamlIsTheCommittedFileByteForByte() throws Exception {
        byte[] served = given().get("/q/openapi").then().statusCode(200).contentType("application/yaml;charset=UTF-8")
                .extract().asByteArray();
        org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(Path.of("openapi/openapi.yaml")), served);
        given().get("/q/openapi?format=yaml").then().statusCode(200).contentType("application/yaml;charset=UTF-8");
    }

    @Test
    void servedJsonEqualsTheCommittedContract() throws Exception {
        String served = given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        assertEquals(committed(), JSON.readTree(served));
    }

    @Test
    void theExtensionsChooseTheFormat() throws Exception {
        String json = given().get("/q/openapi.json").then().statusCode(200)
                .contentType("application/json;charset=UTF-8").extract().asString();
        assertEquals(committed(), JSON.readTree(json));
        byte[] file = Files.readAllBytes(Path.of("openapi/openapi.yaml"));
        for (String path : new String[] { "/q/openapi.yaml", "/q/openapi.yml" }) {
            byte[] served = given().accept("application/json").get(path).then().statusCode(200)
                    .contentType("application/yaml;charset=UTF-8").extract().asByteArray();
            org.junit.jupiter.api.Assertions.assertArrayEquals(file, served, path);
        }
    }

    @Test
    void theFormatParameterWinsOverAccept() throws Exception {
        byte[] served = given().accept("application/json").get("/q/openapi?format=yaml").then().statusCode(200)
                .contentType("application/yaml;charset=UTF-8").extract().asByteArray();
        org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(Path.of("openapi/openapi.yaml")), served);
        String json = given().accept("application/yaml").get("/q/openapi?format=JSON").then().statusCode(200)
                .contentType("application/json;charset=UTF-8").extract().asString();
        assertEquals(committed(), JSON.readTree(json));
    }

    @Test
    void headAnswersTheLengthWithoutTheBody() {
        long length = Path.of("openapi/openapi.yaml").toFile().length();
        var answer = given().head("/q/openapi").then().statusCode(200)
                .contentType("application/yaml;charset=UTF-8").extract();
        assertEquals(String.valueOf(length), answer.header("Content-Length"));
        assertEquals(0, answer.asByteArray().length);
    }
}
