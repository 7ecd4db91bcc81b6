package io.statefulapps.embedded.apiserver;

import io.statefulapps.embedded.apiserver.LabelSelector.Operator;
import io.statefulapps.embedded.apiserver.LabelSelector.Requirement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * apimachinery's {@code labels.Parse}, token for token, so a selector the real server refuses is
 * refused here with the same words (kubectl shows them), and one it takes is taken: {@code x in ()}
 * and {@code x=} both mean the empty value.
 */
final class LabelSelectorParser {

    private enum Token { ERROR, END, CLOSE_PAREN, COMMA, NOT, DOUBLE_EQUALS, EQUALS, GREATER, IDENTIFIER, IN, LESS,
        NOT_EQUALS, NOT_IN, OPEN_PAREN }

    private record Item(Token token, String literal) {
    }

    private static final Map<String, Token> SYMBOLS = Map.ofEntries(Map.entry(")", Token.CLOSE_PAREN),
            Map.entry(",", Token.COMMA), Map.entry("!", Token.NOT), Map.entry("==", Token.DOUBLE_EQUALS),
            Map.entry("=", Token.EQUALS), Map.entry(">", Token.GREATER), Map.entry("in", Token.IN),
            Map.entry("<", Token.LESS), Map.entry("!=", Token.NOT_EQUALS), Map.entry("notin", Token.NOT_IN),
            Map.entry("(", Token.OPEN_PAREN));

    private static final String SPECIAL = "=!(),><";

    private final List<Item> items;
    private int position;

    private LabelSelectorParser(String selector) {
        this.items = lex(selector);
    }

    /** The selector's requirements; a 400 BadRequest with apimachinery's message when it does not parse. */
    static List<Requirement> parse(String selector) {
        try {
            return new LabelSelectorParser(selector).requirements();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private List<Requirement> requirements() {
        List<Requirement> requirements = new ArrayList<>();
        while (true) {
            Item next = lookahead(true);
            if (next.token() == Token.END) {
                return requirements;
            }
            if (next.token() != Token.IDENTIFIER && next.token() != Token.NOT) {
                throw fail("found '%s', expected: !, identifier, or 'end of string'", next.literal());
            }
            try {
                requirements.add(requirement());
            } catch (IllegalArgumentException e) {
                throw fail("unable to parse requirement: %s", e.getMessage());
            }
            Item after = consume(true);
            if (after.token() == Token.END) {
                return requirements;
            }
            if (after.token() != Token.COMMA) {
                throw fail("found '%s', expected: ',' or 'end of string'", after.literal());
            }
            Item following = lookahead(true);
            if (following.token() != Token.IDENTIFIER && following.token() != Token.NOT) {
                throw fail("found '%s', expected: identifier after ','", following.literal());
            }
        }
    }

    private Requirement requirement() {
        boolean absent = false;
        Item key = consume(true);
        if (key.token() == Token.NOT) {
            absent = true;
            key = consume(true);
        }
        if (key.token() != Token.IDENTIFIER) {
            throw fail("found '%s', expected: identifier", key.literal());
        }
        String keyProblem = LabelRules.keyProblem(key.literal());
        if (keyProblem != null) {
            throw fail("<nil>: Invalid value: \"%s\": %s", key.literal(), keyProblem);
        }
        Token next = lookahead(true).token();
        if (next == Token.END || next == Token.COMMA || absent) {
            // "!k" needs nothing more; what follows it, if anything, is the caller's error
            return checked(key.literal(), absent ? Operator.NOT_EXISTS : Operator.EXISTS,
                    new TreeSet<>());
        }
        Operator operator = operator();
        TreeSet<String> values = operator == Operator.IN || operator == Operator.NOT_IN ? valueSet() : exactValue();
        return checked(key.literal(), operator, values);
    }

    private Operator operator() {
        Item op = consume(false);
        return switch (op.token()) {
            case IN -> Operator.IN;
            case NOT_IN -> Operator.NOT_IN;
            case EQUALS, DOUBLE_EQUALS -> Operator.EQUALS;
            case NOT_EQUALS -> Operator.NOT_EQUALS;
            case GREATER -> Operator.GREATER_THAN;
            case LESS -> Operator.LESS_THAN;
            default -> throw fail("found '%s', expected: in, notin, =, ==, !=, gt, lt", op.literal());
        };
    }

    private TreeSet<String> valueSet() {
        Item open = consume(true);
        if (open.token() != Token.OPEN_PAREN) {
            throw fail("found '%s' expected: '('", open.literal());
        }
        Item first = lookahead(true);
        switch (first.token()) {
            case IDENTIFIER, COMMA -> {
                TreeSet<String> values = identifiers();
                if (consume(true).token() != Token.CLOSE_PAREN) {
                    throw fail("found '%s', expected: ')'", first.literal());
                }
                return values;
            }
            case CLOSE_PAREN -> {
                consume(true);
                return new TreeSet<>(List.of(""));
            }
            default -> throw fail("found '%s', expected: ',', ')' or identifier", first.literal());
        }
    }

    /** A list of comma-separated values, any of them empty: "(a,,b)", "(,a)", "(a,)". */
    private TreeSet<String> identifiers() {
        TreeSet<String> values = new TreeSet<>();
        while (true) {
            Item item = consume(true);
            if (item.token() == Token.IDENTIFIER) {
                values.add(item.literal());
                Item next = lookahead(true);
                if (next.token() == Token.CLOSE_PAREN) {
                    return values;
                }
                if (next.token() != Token.COMMA) {
                    throw fail("found '%s', expected: ',' or ')'", next.literal());
                }
            } else if (item.token() == Token.COMMA) {
                Token next = lookahead(true).token();
                if (values.isEmpty() || next == Token.CLOSE_PAREN || next == Token.COMMA) {
                    values.add("");
                }
                if (next == Token.CLOSE_PAREN) {
                    return values;
                }
            } else {
                throw fail("found '%s', expected: ',', or identifier", item.literal());
            }
        }
    }

    private TreeSet<String> exactValue() {
        Token next = lookahead(true).token();
        if (next == Token.END || next == Token.COMMA) {
            return new TreeSet<>(List.of(""));
        }
        Item value = consume(true);
        if (value.token() != Token.IDENTIFIER) {
            throw fail("found '%s', expected: identifier", value.literal());
        }
        return new TreeSet<>(List.of(value.literal()));
    }

    /** apimachinery's NewRequirement: values must be label values, and integers for gt and lt. */
    private static Requirement checked(String key, Operator operator, TreeSet<String> values) {
        List<String> problems = new ArrayList<>();
        int i = 0;
        for (String value : values) {
            boolean compared = operator == Operator.GREATER_THAN || operator == Operator.LESS_THAN;
            if (compared && !value.matches("[-+]?\\d{1,18}")) {
                problems.add(String.format("values[%d]: Invalid value: \"%s\": for 'Gt', 'Lt' operators, the value must"
                        + " be an integer", i, value));
            }
            String problem = LabelRules.valueProblem(value);
            if (problem != null) {
                problems.add(String.format("values[%d][%s]: Invalid value: \"%s\": %s", i, key, value, problem));
            }
            i++;
        }
        if (!problems.isEmpty()) {
            // a field.ErrorList's aggregate: one error as it is, several in brackets
            throw fail("%s", problems.size() == 1 ? problems.get(0) : "[" + String.join(", ", problems) + "]");
        }
        return new Requirement(key, operator, Set.copyOf(values));
    }

    /** The lexer: words, and runs of the symbols =!(),>< read as the longest known operator. */
    private static List<Item> lex(String s) {
        List<Item> items = new ArrayList<>();
        int i = 0;
        while (true) {
            while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (i == s.length()) {
                items.add(new Item(Token.END, ""));
                return items;
            }
            int start = i;
            if (SPECIAL.indexOf(s.charAt(i)) >= 0) {
                Token matched = null;
                int end = i;
                while (i < s.length() && SPECIAL.indexOf(s.charAt(i)) >= 0) {
                    Token t = SYMBOLS.get(s.substring(start, i + 1));
                    if (t == null && matched != null) {
                        break;
                    }
                    if (t != null) {
                        matched = t;
                        end = i + 1;
                    }
                    i++;
                }
                if (matched == null) {
                    // the real lexer's error token, which the parser then reports as found
                    items.add(new Item(Token.ERROR, "error expected: keyword found '" + s.substring(start, i) + "'"));
                } else {
                    items.add(new Item(matched, s.substring(start, end)));
                    i = end;
                }
                continue;
            }
            while (i < s.length() && SPECIAL.indexOf(s.charAt(i)) < 0 && " \t\r\n".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            String word = s.substring(start, i);
            Token keyword = SYMBOLS.get(word);
            items.add(new Item(keyword == Token.IN || keyword == Token.NOT_IN ? keyword : Token.IDENTIFIER, word));
        }
    }

    /** Where a value may stand, "in" and "notin" are plain words. */
    private Item lookahead(boolean values) {
        return asValue(items.get(position), values);
    }

    private Item consume(boolean values) {
        return asValue(items.get(position++), values);
    }

    private static Item asValue(Item item, boolean values) {
        boolean keyword = item.token() == Token.IN || item.token() == Token.NOT_IN;
        return values && keyword ? new Item(Token.IDENTIFIER, item.literal()) : item;
    }

    private static IllegalArgumentException fail(String format, Object... args) {
        return new IllegalArgumentException(String.format(format, args));
    }
}
