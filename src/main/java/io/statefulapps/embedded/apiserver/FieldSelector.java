package io.statefulapps.embedded.apiserver;

import java.util.ArrayList;
import java.util.List;

/**
 * Field selectors ({@code =}, {@code ==}, {@code !=}) over the fields the kind declares selectable
 * ({@link SelectableFields}); any other field is the real server's 400 "field label not supported".
 */
final class FieldSelector {

    static final FieldSelector EVERYTHING = new FieldSelector(List.of());

    private record Term(String field, boolean negate, String value) {
    }

    private final List<Term> terms;

    private FieldSelector(List<Term> terms) {
        this.terms = terms;
    }

    static FieldSelector parse(ResourceType type, String selector) {
        List<Term> terms = new ArrayList<>();
        if (selector != null) {
            for (String raw : selector.split(",")) {
                String t = raw.trim();
                if (t.isEmpty()) {
                    continue;
                }
                boolean negate = t.contains("!=");
                String[] kv = negate ? t.split("!=", 2) : t.split("==?", 2);
                if (kv.length != 2) {
                    throw ApiException.badRequest("invalid field selector: " + t);
                }
                String field = kv[0].trim();
                if (!SelectableFields.supports(type, field)) {
                    throw ApiException.badRequest("field label not supported: " + field);
                }
                terms.add(new Term(field, negate, kv[1].trim()));
            }
        }
        return terms.isEmpty() ? EVERYTHING : new FieldSelector(List.copyOf(terms));
    }

    /** The selector plus {@code metadata.name=name} (a watch or list of one object by its URL). */
    FieldSelector withName(String name) {
        List<Term> more = new ArrayList<>(terms);
        more.add(new Term(SelectableFields.NAME, false, name));
        return new FieldSelector(List.copyOf(more));
    }

    boolean matches(ResourceType type, StoredObject object) {
        for (Term t : terms) {
            if (t.negate() == t.value().equals(SelectableFields.value(type, object, t.field()))) {
                return false;
            }
        }
        return true;
    }

    /** The name an equality term asks for, which a list can look up directly; null when none. */
    String exactName() {
        for (Term t : terms) {
            if (!t.negate() && t.field().equals(SelectableFields.NAME)) {
                return t.value();
            }
        }
        return null;
    }
}
