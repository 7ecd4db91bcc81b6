package io.statefulapps.embedded.apiserver.rbac;

import static io.statefulapps.embedded.apiserver.rbac.InMemoryRbacObjects.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statefulapps.testing.ManualClock;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The protobuf bodies kubectl 1.32 sent (captured from it), read into the JSON they mean. */
class ProtobufReviewsTest {

    private static final String CREATE_TOKEN = "6b3873000a280a1861757468656e7469636174696f6e2e6b38732e696f2f7631120c54"
            + "6f6b656e52657175657374121a0a100a0012001a0022002a0032003800420012001a040a0012001a002200";
    private static final String CREATE_TOKEN_20M_TWO_AUDIENCES = "6b3873000a280a1861757468656e7469636174696f6e2e6b"
            + "38732e696f2f7631120c546f6b656e5265717565737412290a100a0012001a0022002a00320038004200120f0a057661756c740a"
            + "0361706920b0091a040a0012001a002200";
    private static final String CAN_I_GET_APIS = "6b3873000a320a17617574686f72697a6174696f6e2e6b38732e696f2f7631121753"
            + "656c665375626a656374416363657373526576696577122c0a100a0012001a0022002a00320038004200120e120c0a052f617069"
            + "7312036765741a08080012001a0020001a002200";
    private static final String CAN_I_CREATE_PODS_LOG = "6b3873000a320a17617574686f72697a6174696f6e2e6b38732e696f2f"
            + "7631121753656c665375626a656374416363657373526576696577123f0a100a0012001a0022002a003200380042001221"
            + "0a1f0a0473686f7012066372656174651a0022002a04706f647332003a036c6f671a08080012001a0020001a002200";
    private static final String WHOAMI = "6b3873000a2d0a1861757468656e7469636174696f6e2e6b38732e696f2f7631121153656c"
            + "665375626a656374526576696577121a0a100a0012001a0022002a0032003800420012060a040a0012001a002200";

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text);
    }

    @Test
    void kubectlCreateToken() {
        assertJson("{apiVersion:'authentication.k8s.io/v1',kind:'TokenRequest',metadata:{},spec:{}}",
                ProtobufReviews.toJson(hex(CREATE_TOKEN)));
        assertJson("{apiVersion:'authentication.k8s.io/v1',kind:'TokenRequest',metadata:{},spec:{audiences:['vault',"
                + "'api'],expirationSeconds:1200}}", ProtobufReviews.toJson(hex(CREATE_TOKEN_20M_TWO_AUDIENCES)));
    }

    @Test
    void kubectlAuthCanI() {
        assertJson("{apiVersion:'authorization.k8s.io/v1',kind:'SelfSubjectAccessReview',metadata:{},spec:{"
                + "nonResourceAttributes:{path:'/apis',verb:'get'}}}", ProtobufReviews.toJson(hex(CAN_I_GET_APIS)));
        // kubectl reads "pods/log" as resource/name; a subresource needs --subresource
        assertJson("{apiVersion:'authorization.k8s.io/v1',kind:'SelfSubjectAccessReview',metadata:{},spec:{"
                + "resourceAttributes:{namespace:'shop',verb:'create',resource:'pods',name:'log'}}}",
                ProtobufReviews.toJson(hex(CAN_I_CREATE_PODS_LOG)));
    }

    @Test
    void kubectlAuthWhoami() {
        assertJson("{apiVersion:'authentication.k8s.io/v1',kind:'SelfSubjectReview',metadata:{},spec:{}}",
                ProtobufReviews.toJson(hex(WHOAMI)));
    }

    @Test
    void aDecodedTokenRequestIsAnsweredLikeAJsonOne() {
        InMemoryRbacObjects store = new InMemoryRbacObjects().serviceAccount("shop", "app", "u1");
        AccessControl access = new AccessControl(TokenFile.empty(), store, new ManualClock(),
                false);
        var answer = access.tokenRequest("shop", "app", ProtobufReviews.toJson(hex(CREATE_TOKEN_20M_TWO_AUDIENCES)));
        assertEquals("2026-01-01T00:20:00Z", answer.path("status").path("expirationTimestamp").asText());
        assertEquals("[\"vault\",\"api\"]", answer.path("spec").path("audiences").toString());
    }

    @Test
    void aSubjectAccessReviewWithUserGroupsExtraAndUid() {
        byte[] extra = concat(field(1, text("scopes")), field(2, concat(field(1, text("a")), field(1, text("b")))));
        byte[] spec = concat(field(1, concat(field(1, text("shop")), field(2, text("get")), field(5, text("pods")))),
                field(3, text("bob")), field(4, text("devs")), field(4, text("ops")), field(5, extra),
                field(6, text("u-1")));
        byte[] message = concat(field(1, concat(field(1, text("review")), field(3, text("shop")))), field(2, spec));
        assertJson("{apiVersion:'authorization.k8s.io/v1',kind:'SubjectAccessReview',metadata:{name:'review',"
                + "namespace:'shop'},spec:{resourceAttributes:{namespace:'shop',verb:'get',resource:'pods'},"
                + "user:'bob',groups:['devs','ops'],extra:{scopes:['a','b']},uid:'u-1'}}",
                ProtobufReviews.toJson(envelope("authorization.k8s.io/v1", "SubjectAccessReview", message)));
    }

    @Test
    void aTokenReview() {
        byte[] spec = concat(field(1, text("t-1")), field(2, text("aud")));
        assertJson("{apiVersion:'authentication.k8s.io/v1',kind:'TokenReview',metadata:{},spec:{token:'t-1',"
                + "audiences:['aud']}}", ProtobufReviews.toJson(envelope("authentication.k8s.io/v1", "TokenReview",
                field(2, spec))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not an envelope | 7b7d | 400 | the protobuf body lacks the k8s envelope",
        "cut short       | 6b3873000a28 | 400 | the protobuf body could not be decoded: a field runs past the end of the message",
        "odd wire type   | 6b3873000f | 400 | the protobuf body could not be decoded: unsupported wire type 7",
    })
    void refusesWhatItCannotRead(String what, String body, int code, String message) {
        ApiRefusal refusal = assertThrows(ApiRefusal.class, () -> ProtobufReviews.toJson(hex(body)));
        assertEquals(code, refusal.code());
        assertEquals(message, refusal.status().path("message").asText());
    }

    @Test
    void otherKindsAreUnsupported() {
        ApiRefusal refusal = assertThrows(ApiRefusal.class,
                () -> ProtobufReviews.toJson(envelope("v1", "Namespace", new byte[0])));
        assertEquals(415, refusal.code());
        assertEquals("UnsupportedMediaType", refusal.status().path("reason").asText());
        assertTrue(refusal.getMessage().contains("(not Namespace)"), refusal.getMessage());
    }

    @Test
    void recognisesTheMediaType() {
        assertTrue(ProtobufReviews.isProtobuf("application/vnd.kubernetes.protobuf"));
        assertTrue(ProtobufReviews.isProtobuf("Application/VND.kubernetes.protobuf; charset=x"));
        assertFalse(ProtobufReviews.isProtobuf("application/json"));
        assertFalse(ProtobufReviews.isProtobuf(null));
    }

    private static byte[] envelope(String apiVersion, String kind, byte[] message) {
        return concat("k8s\0".getBytes(StandardCharsets.US_ASCII), field(1, concat(field(1, text(apiVersion)),
                field(2, text(kind)))), field(2, message));
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A length-delimited field; lengths below 128 only. */
    private static byte[] field(int number, byte[] bytes) {
        return concat(new byte[] {(byte) (number << 3 | 2), (byte) bytes.length}, bytes);
    }

    private static byte[] concat(byte[]... parts) {
        byte[] all = new byte[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
