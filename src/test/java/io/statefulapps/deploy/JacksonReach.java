package io.statefulapps.deploy;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The classes Jackson reaches from some root types, the way it reads and writes them: a record's
 * components, another class's instance fields, the element types of lists, maps and arrays. Ours
 * ({@code io.statefulapps}) and Fabric8's models are followed; the JDK and Jackson's own are not.
 */
final class JacksonReach {

    private static final String OURS = "io.statefulapps.";
    private static final String FABRIC8 = "io.fabric8.kubernetes.api.model.";

    private final Set<Class<?>> seen = new LinkedHashSet<>();
    private final Deque<Type> pending = new ArrayDeque<>();

    private JacksonReach() {
    }

    /** Every class of ours or of Fabric8's model reachable from the roots, the roots included. */
    static Set<Class<?>> from(Collection<Class<?>> roots) {
        JacksonReach reach = new JacksonReach();
        reach.pending.addAll(roots);
        while (!reach.pending.isEmpty()) {
            reach.visit(reach.pending.pop());
        }
        Set<Class<?>> sorted = new TreeSet<>(Comparator.comparing(Class::getName));
        sorted.addAll(reach.seen);
        return sorted;
    }

    static boolean isOurs(Class<?> type) {
        return type.getName().startsWith(OURS);
    }

    static boolean isFabric8Model(Class<?> type) {
        return type.getName().startsWith(FABRIC8);
    }

    private void visit(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            pending.push(parameterized.getRawType());
            for (Type argument : parameterized.getActualTypeArguments()) {
                pending.push(argument);
            }
        } else if (type instanceof GenericArrayType array) {
            pending.push(array.getGenericComponentType());
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                pending.push(bound);
            }
        } else if (type instanceof TypeVariable<?> variable) {
            for (Type bound : variable.getBounds()) {
                pending.push(bound);
            }
        } else if (type instanceof Class<?> plain) {
            visitClass(plain);
        }
    }

    private void visitClass(Class<?> type) {
        if (type.isArray()) {
            pending.push(type.getComponentType());
            return;
        }
        if (!(isOurs(type) || isFabric8Model(type)) || !seen.add(type)) {
            return;
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                pending.push(component.getGenericType());
            }
            return;
        }
        if (type.getGenericSuperclass() != null) {
            pending.push(type.getGenericSuperclass());
        }
        for (Field field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers)) {
                pending.push(field.getGenericType());
            }
        }
    }
}
