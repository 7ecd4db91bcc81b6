package io.statefulapps.app;

import io.statefulapps.problem.Problem;
import io.statefulapps.problem.ProblemException;
import io.statefulapps.problem.ProblemType;
import io.statefulapps.spec.AppSpec;
import io.statefulapps.spec.AppSpecDefaults;
import io.statefulapps.spec.AppSpecValidator;
import io.statefulapps.spec.FieldError;
import io.statefulapps.spec.KubernetesNames;
import io.statefulapps.spec.MalformedSpecException;
import io.statefulapps.spec.ParsedSpec;
import io.statefulapps.spec.SpecParser;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** From request bytes to a spec that breaks no rule, with its defaults filled in; or a 400/422 problem. */
@ApplicationScoped
public class SpecIntake {

    private final SpecParser parser = new SpecParser();
    private final AppSpecValidator validator = new AppSpecValidator();

    public AppSpec accept(byte[] body) {
        return acceptParsed(parse(() -> parser.parse(body), validator));
    }

    /**
     * Runs {@code parse}; a body with values of the wrong JSON type is refused (400) naming every
     * other rule it breaks as well, so one answer names them all (POST and PATCH alike).
     */
    static ParsedSpec parse(Supplier<ParsedSpec> parse, AppSpecValidator validator) {
        try {
            return parse.get();
        } catch (MalformedSpecException e) {
            throw withBrokenRules(e, validator);
        }
    }

    /**
     * The rest of the spec, the wrong values set aside, is checked as any spec is (unknown fields,
     * then the rules), leaving out what setting a value aside breaks by itself (a required member
     * is absent then).
     */
    private static MalformedSpecException withBrokenRules(MalformedSpecException e, AppSpecValidator validator) {
        if (e.rest().isEmpty()) {
            return e;
        }
        List<String> setAside = e.errors().stream().map(FieldError::field).toList();
        List<FieldError> rules = brokenRules(e.rest().get(), validator);
        rules.removeIf(rule -> setAside.stream().anyMatch(field -> within(rule.field(), field)));
        if (rules.isEmpty()) {
            return e;
        }
        List<FieldError> all = new ArrayList<>(e.errors());
        all.addAll(rules);
        String detail = "The body has " + e.errors().size() + (e.errors().size() == 1 ? " value" : " values")
                + " of the wrong JSON type and breaks " + rules.size() + (rules.size() == 1 ? " more rule" : " more rules")
                + "; each is listed in 'errors'.";
        return new MalformedSpecException(e.field(), detail, e.getCause(), all, e.rest().get());
    }

    /** Whether {@code path} is {@code field} or inside it ({@code ports[1]} holds {@code ports[1].port}). */
    private static boolean within(String path, String field) {
        return field.isEmpty() || path.equals(field) || path.startsWith(field + ".") || path.startsWith(field + "[");
    }

    /** What a spec breaks on its own: its unknown fields, then the validator's rules (a list to add to). */
    static List<FieldError> brokenRules(ParsedSpec parsed, AppSpecValidator validator) {
        List<FieldError> errors = new ArrayList<>(parsed.unknownFields());
        errors.addAll(validator.validate(parsed.spec()));
        return errors;
    }

    public AppSpec acceptParsed(ParsedSpec parsed) {
        List<FieldError> errors = brokenRules(parsed, validator);
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
