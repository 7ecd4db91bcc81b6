package io.statefulapps.app;

import io.statefulapps.problem.Problem;
import io.statefulapps.problem.ProblemException;
import io.statefulapps.problem.ProblemType;
import io.statefulapps.spec.AppSpec;
import io.statefulapps.spec.AppSpecDefaults;
import io.statefulapps.spec.AppSpecValidator;
import io.statefulapps.spec.FieldError;
import io.statefulapps.spec.KubernetesNames;
import io.statefulapps.spec.ParsedSpec;
import io.statefulapps.spec.SpecParser;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** From request bytes to a spec that breaks no rule, with its defaults filled in; or a 400/422 problem. */
@ApplicationScoped
public class SpecIntake {

    private final SpecParser parser = new SpecParser();
    private final AppSpecValidator validator = new AppSpecValidator();

    public AppSpec accept(byte[] body) {
        ParsedSpec parsed = parser.parse(body);
        return acceptParsed(parsed);
    }

    public AppSpec acceptParsed(ParsedSpec parsed) {
        List<FieldError> errors = new ArrayList<>(parsed.unknownFields());
        errors.addAll(validator.validate(parsed.spec()));
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(ProblemType.INVALID_SPEC, describe(errors)).withErrors(errors));
        }
        return AppSpecDefaults.apply(parsed.spec());
    }

    /** Namespaces are DNS-1123 labels; refusing a bad one here spares the API server a pointless call. */
    public static void requireNamespace(String namespace) {
        if (!KubernetesNames.isDns1123Label(namespace)) {
            FieldError error = new FieldError("namespace",
                    "must be a DNS-1123 label: at most 63 lower-case letters, digits or '-', "
                            + "starting and ending with a letter or digit");
            throw new ProblemException(Problem.of(ProblemType.INVALID_SPEC,
                    "The namespace \"" + namespace + "\" is not a valid namespace name.").withErrors(List.of(error)));
        }
    }

    private static String describe(List<FieldError> errors) {
        return errors.size() == 1
                ? "The app spec breaks 1 rule: " + errors.get(0).field() + " " + errors.get(0).message() + "."
                : "The app spec breaks " + errors.size() + " rules; each is listed in 'errors'.";
    }
}
