package io.memberhub.platform.audit;

import jakarta.enterprise.context.RequestScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an {@link Audited} endpoint learns only while it runs, for the entry its call leaves: which
 * action a save turned out to be (enabling a plugin, or saving its settings), the id of what it
 * created, or a count. Read once the endpoint returns; a call that is not audited ignores it.
 */
@RequestScoped
public class AuditNote {

    private String action;
    private String targetId;
    private final Map<String, Object> details = new LinkedHashMap<>();

    /** The action this call turned out to be, instead of the annotation's. */
    public void action(String code) {
        this.action = code;
    }

    public void target(Object id) {
        this.targetId = id == null ? null : id.toString();
    }

    public void detail(String name, Object value) {
        details.put(name, value);
    }

    String action() {
        return action;
    }

    String targetId() {
        return targetId;
    }

    Map<String, Object> details() {
        return details;
    }
}
