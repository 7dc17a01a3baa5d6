package io.memberhub.platform.audit;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One {@link Audited} endpoint, its annotation read once: which argument or accessor each of its
 * expressions names, and how to find their values in a call's arguments and answer.
 */
public final class AuditedEndpoint {

    static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
    /** Optimistic-locking versions come with updates but are no change anyone made. */
    private static final Set<String> NOT_CHANGES = Set.of("version");
    private static final Set<Class<? extends Annotation>> NOT_BODY = Set.of(PathParam.class, QueryParam.class, HeaderParam.class,
            Context.class, FormParam.class, CookieParam.class, MatrixParam.class, BeanParam.class);

    private final Method method;
    private final Audited audited;
    private final int bodyIndex;
    private final Map<String, Integer> parameters = new LinkedHashMap<>();

    private AuditedEndpoint(Method method, Audited audited) {
        this.method = method;
        this.audited = audited;
        int body = -1;
        Parameter[] params = method.getParameters();
        for (int i = 0; i < params.length; i++) {
            PathParam path = params[i].getAnnotation(PathParam.class);
            QueryParam query = params[i].getAnnotation(QueryParam.class);
            if (path != null) {
                parameters.put(path.value(), i);
            } else if (query != null) {
                parameters.put(query.value(), i);
            } else if (NOT_BODY.stream().noneMatch(params[i]::isAnnotationPresent)) {
                body = i;
            }
        }
        this.bodyIndex = body;
    }

    /** The endpoint behind {@code method}, which must carry {@link Audited}. */
    public static AuditedEndpoint of(Method method) {
        Audited audited = method.getAnnotation(Audited.class);
        if (audited == null) {
            audited = method.getDeclaringClass().getAnnotation(Audited.class);
        }
        if (audited == null) {
            throw new IllegalArgumentException(method + " is not @Audited");
        }
        return new AuditedEndpoint(method, audited);
    }

    public Audited audited() {
        return audited;
    }

    /** The target's id in this call, or null when the endpoint names none or the value is absent. */
    String targetId(Object[] args, Object answer) {
        if (audited.targetId().isEmpty()) {
            return null;
        }
        Object id = value(audited.targetId(), args, answer);
        return id == null ? null : id.toString();
    }

    /** The details of this call, absent values left out. */
    Map<String, Object> details(Object[] args, Object answer) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (String expression : audited.details()) {
            if (expression.equals("body.*")) {
                details.put("changed", given(bodyIndex < 0 ? null : args[bodyIndex]));
                continue;
            }
            Object value = value(expression, args, answer);
            if (value != null) {
                details.put(lastName(expression), value instanceof Enum<?> e ? e.name() : value);
            }
        }
        return details;
    }

    /**
     * What is wrong with the annotation, as far as the method's signature can tell (an answer that is
     * a {@code Response} is only known at run time): empty when every expression finds its value.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!ACTION.matcher(audited.value()).matches() || audited.value().length() > 80) {
            problems.add("action '" + audited.value() + "' is not a code like area.verb_phrase");
        }
        if (!audited.targetId().isEmpty() && audited.target().isBlank()) {
            problems.add("a target id without a target type");
        }
        List<String> expressions = new ArrayList<>(List.of(audited.details()));
        if (!audited.targetId().isEmpty()) {
            expressions.add(audited.targetId());
        }
        for (String expression : expressions) {
            String problem = check(expression);
            if (problem != null) {
                problems.add(expression + ": " + problem);
            }
        }
        return problems;
    }

    private String check(String expression) {
        String[] parts = expression.split("\\.");
        Class<?> type;
        switch (parts[0]) {
            case "body" -> {
                if (bodyIndex < 0) {
                    return "the method takes no body";
                }
                if (expression.equals("body.*")) {
                    return method.getParameterTypes()[bodyIndex].isRecord() ? null : "the body is not a record";
                }
                type = method.getParameterTypes()[bodyIndex];
            }
            case "answer" -> {
                type = method.getReturnType();
                if (type == Response.class) {
                    return null;
                }
            }
            default -> {
                return parts.length == 1 && parameters.containsKey(parts[0]) ? null : "no path or query parameter " + parts[0];
            }
        }
        for (int i = 1; i < parts.length; i++) {
            try {
                type = type.getMethod(parts[i]).getReturnType();
            } catch (NoSuchMethodException e) {
                return type.getSimpleName() + " has no " + parts[i] + "()";
            }
        }
        return parts.length > 1 ? null : "names no accessor";
    }

    private Object value(String expression, Object[] args, Object answer) {
        String[] parts = expression.split("\\.");
        Object value = switch (parts[0]) {
            case "body" -> bodyIndex < 0 ? null : args[bodyIndex];
            case "answer" -> answer instanceof Response response ? response.getEntity() : answer;
            default -> {
                Integer index = parameters.get(parts[0]);
                yield index == null ? null : args[index];
            }
        };
        for (int i = 1; i < parts.length && value != null; i++) {
            value = accessor(value, parts[i]);
        }
        return value;
    }

    private static Object accessor(Object target, String name) {
        try {
            Method accessor = target.getClass().getMethod(name);
            // Request and answer records are often nested in package-private classes.
            accessor.setAccessible(true);
            return accessor.invoke(target);
        } catch (NoSuchMethodException e) {
            return null;
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Could not read " + name + " of " + target.getClass().getSimpleName() + " for the audit log", e);
        }
    }

    /** The components of a partial update that were given, and the keys of given maps ({@code fields.allergies}). */
    private static List<String> given(Object body) {
        List<String> names = new ArrayList<>();
        if (body == null || !body.getClass().isRecord()) {
            return names;
        }
        for (RecordComponent component : body.getClass().getRecordComponents()) {
            Object value = accessor(body, component.getName());
            if (value == null || NOT_CHANGES.contains(component.getName())) {
                continue;
            }
            if (value instanceof Map<?, ?> map) {
                map.keySet().forEach(key -> names.add(component.getName() + "." + key));
            } else {
                names.add(component.getName());
            }
        }
        return names;
    }

    private static String lastName(String expression) {
        return expression.substring(expression.lastIndexOf('.') + 1);
    }
}
