package io.memberhub.console.members;

import io.memberhub.console.platform.PlatformProblem;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The member edit form as typed. Only what changed is sent (a partial update with the version it
 * was drawn from), so a private field an operator sees masked is never sent back as its mask.
 */
public record MemberEditForm(UUID id, long version, String phone, String name, String email, String gender, String birthday,
                             Map<String, String> fields, Map<String, String> errors, String refusal) {

    static final String FIELD_PREFIX = "field.";

    static MemberEditForm of(MemberWork.Editable m) {
        return new MemberEditForm(m.id(), m.version(), m.phone(), nonNull(m.name()), nonNull(m.email()), nonNull(m.gender()),
                m.birthday() == null ? "" : m.birthday().toString(), m.fields(), Map.of(), null);
    }

    static MemberEditForm from(UUID id, MultivaluedMap<String, String> form, List<MemberWork.FieldDefinition> definitions) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (MemberWork.FieldDefinition d : definitions) {
            fields.put(d.key(), AdjustmentForm.text(form, FIELD_PREFIX + d.key()).strip());
        }
        long version;
        try {
            version = Long.parseLong(AdjustmentForm.text(form, "version").strip());
        } catch (NumberFormatException e) {
            version = -1;
        }
        return new MemberEditForm(id, version, AdjustmentForm.text(form, "phone").strip(), AdjustmentForm.text(form, "name").strip(),
                AdjustmentForm.text(form, "email").strip(), AdjustmentForm.text(form, "gender"), AdjustmentForm.text(form, "birthday").strip(),
                fields, Map.of(), null);
    }

    /** The PATCH body: each attribute that differs from {@code current}, blank clearing it, and the version it was drawn from. */
    Map<String, Object> changes(MemberWork.Editable current) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changed(changes, "phone", phone, current.phone());
        changed(changes, "name", name, current.name());
        changed(changes, "email", email, current.email());
        if (!gender.isBlank()) {
            changed(changes, "gender", gender, current.gender());
        }
        if (!birthday.isBlank()) {
            changed(changes, "birthday", birthday, current.birthday() == null ? null : current.birthday().toString());
        }
        Map<String, String> fieldChanges = new LinkedHashMap<>();
        fields.forEach((key, value) -> {
            if (!value.equals(nonNull(current.fields().get(key)))) {
                fieldChanges.put(key, value);
            }
        });
        if (!fieldChanges.isEmpty()) {
            changes.put("fields", fieldChanges);
        }
        if (version >= 0) {
            changes.put("version", version);
        }
        return changes;
    }

    private static void changed(Map<String, Object> changes, String name, String typed, String current) {
        if (!Objects.equals(typed, nonNull(current))) {
            changes.put(name, typed);
        }
    }

    /** The platform's refusal shown next to the fields it names ({@code fields.<key>} by that custom field). */
    MemberEditForm refusedBy(PlatformProblem problem) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (PlatformProblem.FieldError e : problem.errors()) {
            String field = e.field() == null ? "" : e.field().startsWith("fields.") ? FIELD_PREFIX + e.field().substring("fields.".length()) : e.field();
            byField.putIfAbsent(field, e.message());
        }
        return new MemberEditForm(id, version, phone, name, email, gender, birthday, fields, Map.copyOf(byField),
                problem.detail() == null ? problem.title() : problem.detail());
    }

    public String errorFor(String field) {
        return errors.get(field);
    }

    public String fieldError(String key) {
        return errors.get(FIELD_PREFIX + key);
    }

    /** The member's name, or their phone while they have none. */
    public String shownName() {
        return name.isBlank() ? phone : name;
    }

    public String field(String key) {
        return nonNull(fields.get(key));
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
