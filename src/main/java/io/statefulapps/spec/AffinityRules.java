package io.statefulapps.spec;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.NodeAffinity;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTerm;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import java.util.List;

/** The pod's {@code affinity} (Fabric8's model, passed through): the API server's rules for it. */
final class AffinityRules {

    static final List<String> NODE_OPERATORS = List.of("In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt");
    static final List<String> FIELD_OPERATORS = List.of("In", "NotIn");
    /** The only node field a matchFields requirement may select on. */
    static final String NODE_NAME_FIELD = "metadata.name";
    static final int MIN_WEIGHT = 1;
    static final int MAX_WEIGHT = 100;

    private static final String REQUIRED = "requiredDuringSchedulingIgnoredDuringExecution";
    private static final String PREFERRED = "preferredDuringSchedulingIgnoredDuringExecution";

    private AffinityRules() {
    }

    static void check(Affinity affinity, FieldErrors errors) {
        if (affinity == null) {
            return;
        }
        nodeAffinity("affinity.nodeAffinity", affinity.getNodeAffinity(), errors);
        if (affinity.getPodAffinity() != null) {
            podAffinity("affinity.podAffinity",
                    affinity.getPodAffinity().getRequiredDuringSchedulingIgnoredDuringExecution(),
                    affinity.getPodAffinity().getPreferredDuringSchedulingIgnoredDuringExecution(), errors);
        }
        if (affinity.getPodAntiAffinity() != null) {
            podAffinity("affinity.podAntiAffinity",
                    affinity.getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution(),
                    affinity.getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution(), errors);
        }
    }

    private static void nodeAffinity(String field, NodeAffinity affinity, FieldErrors errors) {
        if (affinity == null) {
            return;
        }
        NodeSelector required = affinity.getRequiredDuringSchedulingIgnoredDuringExecution();
        if (required != null) {
            String termsField = field + "." + REQUIRED + ".nodeSelectorTerms";
            List<NodeSelectorTerm> terms = required.getNodeSelectorTerms();
            if (terms == null || terms.isEmpty()) {
                // the terms are ORed: none would match no node, and the pods would never be scheduled
                errors.add(termsField, "must have at least one node selector term");
            } else {
                for (int i = 0; i < terms.size(); i++) {
                    String item = FieldErrors.at(termsField, i);
                    NodeSelectorTerm term = terms.get(i);
                    if (term == null || (isEmpty(term.getMatchExpressions()) && isEmpty(term.getMatchFields()))) {
                        errors.add(item, "must have matchExpressions or matchFields (an empty term matches no node)");
                    } else {
                        nodeSelectorTerm(item, term, errors);
                    }
                }
            }
        }
        List<PreferredSchedulingTerm> preferred = affinity.getPreferredDuringSchedulingIgnoredDuringExecution();
        if (preferred != null) {
            errors.eachItem(field + "." + PREFERRED, preferred, "a term {weight, preference}", (term, item, i) -> {
                weight(item + ".weight", term.getWeight(), errors);
                if (term.getPreference() == null) {
                    errors.add(item + ".preference", "is required: the node selector term to prefer");
                } else {
                    nodeSelectorTerm(item + ".preference", term.getPreference(), errors);
                }
            });
        }
    }

    private static void nodeSelectorTerm(String field, NodeSelectorTerm term, FieldErrors errors) {
        List<NodeSelectorRequirement> expressions = term.getMatchExpressions();
        for (int i = 0; expressions != null && i < expressions.size(); i++) {
            nodeRequirement(FieldErrors.at(field + ".matchExpressions", i), expressions.get(i), false, errors);
        }
        List<NodeSelectorRequirement> fields = term.getMatchFields();
        for (int i = 0; fields != null && i < fields.size(); i++) {
            nodeRequirement(FieldErrors.at(field + ".matchFields", i), fields.get(i), true, errors);
        }
    }

    /** A matchExpressions requirement on node labels, or ({@code onField}) a matchFields one on node fields. */
    private static void nodeRequirement(String field, NodeSelectorRequirement requirement, boolean onField,
            FieldErrors errors) {
        if (requirement == null) {
            errors.add(field, "must be a requirement {key, operator, values}, not null");
            return;
        }
        String key = requirement.getKey();
        if (onField) {
            if (!NODE_NAME_FIELD.equals(key)) {
                errors.add(field + ".key", "'" + (key == null ? "" : key) + "' is not supported; the only node field"
                        + " to select on is " + NODE_NAME_FIELD);
            }
        } else if (errors.required(field + ".key", key, "the node label key to match, e.g. kubernetes.io/hostname")) {
            errors.addAll(field + ".key", key, KubernetesNames.qualifiedName(key));
        }
        List<String> allowed = onField ? FIELD_OPERATORS : NODE_OPERATORS;
        String operator = requirement.getOperator();
        if (errors.required(field + ".operator", operator, "one of " + String.join(", ", allowed))) {
            errors.oneOf(field + ".operator", operator, allowed);
        }
        List<String> values = requirement.getValues();
        int count = values == null ? 0 : values.size();
        String valuesField = field + ".values";
        if (onField) {
            if (allowed.contains(operator) && count != 1) {
                errors.add(valuesField, "must have exactly one value (a node name) for a matchFields requirement");
            }
        } else if (("In".equals(operator) || "NotIn".equals(operator)) && count == 0) {
            errors.add(valuesField, "must have at least one value when operator is " + operator);
        } else if (("Exists".equals(operator) || "DoesNotExist".equals(operator)) && count > 0) {
            errors.add(valuesField, "must be empty when operator is " + operator + " (it matches on the key alone)");
        } else if ("Gt".equals(operator) || "Lt".equals(operator)) {
            // Gt and Lt compare the node label's value, read as an integer, with this one
            if (count != 1) {
                errors.add(valuesField, "must have exactly one value when operator is " + operator + ", got " + count);
            } else if (!isInteger(values.get(0))) {
                errors.add(FieldErrors.at(valuesField, 0), "'" + values.get(0)
                        + "' must be an integer when operator is " + operator);
            }
        }
    }

    private static void podAffinity(String field, List<PodAffinityTerm> required,
            List<WeightedPodAffinityTerm> preferred, FieldErrors errors) {
        for (int i = 0; required != null && i < required.size(); i++) {
            podAffinityTerm(FieldErrors.at(field + "." + REQUIRED, i), required.get(i), errors);
        }
        if (preferred != null) {
            errors.eachItem(field + "." + PREFERRED, preferred, "a term {weight, podAffinityTerm}", (term, item, i) -> {
                weight(item + ".weight", term.getWeight(), errors);
                podAffinityTerm(item + ".podAffinityTerm", term.getPodAffinityTerm(), errors);
            });
        }
    }

    private static void podAffinityTerm(String field, PodAffinityTerm term, FieldErrors errors) {
        if (term == null) {
            errors.add(field, "is required: a term {labelSelector, topologyKey}");
            return;
        }
        // the topology key names the node label whose equal values make up one "place" (node, zone, ...)
        if (errors.required(field + ".topologyKey", term.getTopologyKey(),
                "the node label that defines a topology domain, e.g. kubernetes.io/hostname")) {
            errors.addAll(field + ".topologyKey", term.getTopologyKey(),
                    KubernetesNames.qualifiedName(term.getTopologyKey()));
        }
        LabelSelectorRules.check(field + ".labelSelector", term.getLabelSelector(), errors);
        LabelSelectorRules.check(field + ".namespaceSelector", term.getNamespaceSelector(), errors);
        names(field + ".namespaces", term.getNamespaces(), true, errors);
        names(field + ".matchLabelKeys", term.getMatchLabelKeys(), false, errors);
        names(field + ".mismatchLabelKeys", term.getMismatchLabelKeys(), false, errors);
    }

    /** Namespace names ({@code namespaces}) or label keys (the label-key lists). */
    private static void names(String field, List<String> names, boolean namespaces, FieldErrors errors) {
        for (int i = 0; names != null && i < names.size(); i++) {
            String name = names.get(i);
            String item = FieldErrors.at(field, i);
            if (name == null) {
                errors.add(item, namespaces ? "must be a namespace name, not null" : "must be a label key, not null");
            } else {
                errors.addAll(item, name, namespaces ? KubernetesNames.dns1123Label(name)
                        : KubernetesNames.qualifiedName(name));
            }
        }
    }

    /** The scheduler adds the weights of the matching terms to a node's score; 0 or less would be meaningless. */
    private static void weight(String field, Integer weight, FieldErrors errors) {
        if (weight == null) {
            errors.add(field, "is required: between " + MIN_WEIGHT + " and " + MAX_WEIGHT);
        } else {
            errors.inRange(field, weight, MIN_WEIGHT, MAX_WEIGHT);
        }
    }

    private static boolean isEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }

    private static boolean isInteger(String value) {
        try {
            Long.parseLong(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
