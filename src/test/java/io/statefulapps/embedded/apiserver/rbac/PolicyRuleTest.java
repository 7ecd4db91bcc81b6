package io.statefulapps.embedded.apiserver.rbac;

import static io.statefulapps.embedded.apiserver.rbac.InMemoryRbacObjects.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One rule against one request, as the RBAC authorizer's rule helpers match them. */
class PolicyRuleTest {

    @ParameterizedTest(name = "{0} allows {1} {2}/{3}/{4} named [{5}]: {6}")
    @CsvSource(delimiter = '|', value = {
        "{verbs:['*'],apiGroups:['*'],resources:['*']}                 | delete | x.io | things | ''    | n     | true",
        "{verbs:['get'],apiGroups:[''],resources:['pods']}             | get    | ''   | pods   | ''    | ''    | true",
        "{verbs:['get'],apiGroups:[''],resources:['pods']}             | get    | ''   | pods   | log   | ''    | false",
        "{verbs:['get'],apiGroups:[''],resources:['pods/log']}         | get    | ''   | pods   | log   | ''    | true",
        "{verbs:['get'],apiGroups:[''],resources:['pods/log']}         | get    | ''   | pod    | slog  | ''    | false",
        "{verbs:['get'],apiGroups:[''],resources:['pods/log']}         | get    | ''   | pods   | ''    | ''    | false",
        "{verbs:['get'],apiGroups:[''],resources:['*/log']}            | get    | ''   | pods   | log   | ''    | true",
        "{verbs:['get'],apiGroups:[''],resources:['*/log']}            | get    | ''   | pods   | ''    | ''    | false",
        "{verbs:['get'],apiGroups:[''],resources:['*/cale']}           | get    | ''   | sts    | scale | ''    | false",
        "{verbs:['get'],apiGroups:[''],resources:['pods']}             | get    | apps | pods   | ''    | ''    | false",
        "{verbs:['get'],resources:['pods']}                            | get    | ''   | pods   | ''    | ''    | false",
        "{verbs:['get'],apiGroups:[''],resources:['pods'],resourceNames:['a','b']} | get | '' | pods | '' | b | true",
        "{verbs:['get'],apiGroups:[''],resources:['pods'],resourceNames:['a']}     | get | '' | pods | '' | '' | false",
        "{verbs:['get'],apiGroups:[''],resources:['pods'],resourceNames:['*']}     | get | '' | pods | '' | a  | false",
        "{verbs:['GET'],apiGroups:[''],resources:['pods']}             | get    | ''   | pods   | ''    | ''    | false",
        "{apiGroups:[''],resources:['pods']}                           | get    | ''   | pods   | ''    | ''    | false",
    })
    void resourceRequests(String rule, String verb, String group, String resource, String sub, String name,
            boolean allowed) {
        RequestAttributes request = RequestAttributes.resource(verb, group, resource, sub, "shop", name);
        assertEquals(allowed, PolicyRule.of(json(rule)).allows(request));
        assertEquals(allowed, RuleMatch.allows(json(rule), request));
    }

    @ParameterizedTest(name = "{0} allows {1} {2}: {3}")
    @CsvSource(delimiter = '|', value = {
        "{verbs:['get'],nonResourceURLs:['*']}          | get  | /anything | true",
        "{verbs:['get'],nonResourceURLs:['/apis/*']}    | get  | /apis/x/y | true",
        "{verbs:['get'],nonResourceURLs:['/apis/*']}    | get  | /apis     | false",
        "{verbs:['get'],nonResourceURLs:['/apis**']}    | get  | /apis     | true",
        "{verbs:['get'],nonResourceURLs:['/version']}   | get  | /version/ | false",
        "{verbs:['get'],nonResourceURLs:['/version']}   | post | /version  | false",
        "{verbs:['get'],apiGroups:['*'],resources:['*']} | get | /version  | false",
    })
    void nonResourceRequests(String rule, String verb, String path, boolean allowed) {
        assertEquals(allowed, PolicyRule.of(json(rule)).allows(RequestAttributes.nonResource(verb, path)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{verbs:['get'],apiGroups:[''],resources:['pods']}  | {\"verbs\":[\"get\"],\"apiGroups\":[\"\"],\"resources\":[\"pods\"]}",
        "{nonResourceURLs:['/x'],verbs:['get']}             | {\"verbs\":[\"get\"],\"nonResourceURLs\":[\"/x\"]}",
    })
    void showsItselfWithoutEmptyFields(String rule, String shown) {
        assertEquals(shown, PolicyRule.of(json(rule)).toJson().toString());
        assertEquals(List.of(), PolicyRule.ofRole(json("{rules:null}")));
    }
}
