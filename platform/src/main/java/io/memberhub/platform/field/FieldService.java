package io.memberhub.platform.field;

import io.memberhub.platform.db.UniqueViolation;
import io.memberhub.platform.problem.Problem.FieldError;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A tenant's custom member field definitions. */
@ApplicationScoped
@Transactional
@TenantTransaction
public class FieldService {

    private static final int MAX_FIELDS = 100;

    @Inject
    FieldRepository fields;

    @Inject
    EntityManager em;

    @Inject
    PluginFieldChecks pluginChecks;

    public FieldSchema schema(TenantBound tenant) {
        return new FieldSchema(fields.listAll().stream().map(MemberField::definition).toList(),
                (field, value) -> pluginChecks.rejection(tenant, field.pluginType(), value));
    }

    public List<FieldResponse> list(CallContext call) {
        return schema(call).fields().stream().map(FieldResponse::of).toList();
    }

    public FieldResponse get(CallContext call, String key) {
        return FieldResponse.of(find(key).definition());
    }

    public FieldResponse create(CallContext call, FieldRequest request) {
        if (fields.count() >= MAX_FIELDS) {
            throw ProblemException.conflict("TOO_MANY_FIELDS", "A merchant can define at most " + MAX_FIELDS + " member fields");
        }
        if (fields.findByKey(request.key()).isPresent()) {
            throw keyTaken(request.key());
        }
        var field = new MemberField();
        field.key = request.key();
        field.type = request.type();
        field.createdAt = Instant.now();
        field.position = request.position() == null ? (int) fields.count() : request.position();
        field.pluginType = request.pluginType();
        apply(call, field, request);
        try {
            fields.persistAndFlush(field);
        } catch (PersistenceException e) {
            if (UniqueViolation.of(e, "member_field_key_uq")) {
                throw keyTaken(request.key());
            }
            throw e;
        }
        return FieldResponse.of(field.definition());
    }

    public FieldResponse update(CallContext call, String key, FieldRequest request) {
        MemberField field = find(key);
        if (!field.key.equals(request.key())) {
            throw ProblemException.invalidField("key", "cannot be changed (it is " + field.key + ")");
        }
        if (field.type != request.type()) {
            throw ProblemException.conflict("FIELD_TYPE_FIXED", "The type of field '" + key + "' cannot be changed; define a new field instead");
        }
        if (!Objects.equals(field.pluginType, request.pluginType())) {
            throw ProblemException.conflict("FIELD_TYPE_FIXED", "The plugin type of field '" + key + "' cannot be changed; define a new field instead");
        }
        if (request.position() != null) {
            field.position = request.position();
        }
        apply(call, field, request);
        return FieldResponse.of(field.definition());
    }

    /** Deletes the definition and every member's value for it. */
    public void delete(CallContext call, String key) {
        MemberField field = find(key);
        em.createNativeQuery("update member set custom_fields = custom_fields - ?1 where tenant_id = ?2 and jsonb_exists(custom_fields, ?1)")
                .setParameter(1, key)
                .setParameter(2, call.tenantId().toString())
                .executeUpdate();
        fields.delete(field);
    }

    private void apply(TenantBound tenant, MemberField field, FieldRequest request) {
        List<String> options = request.options() == null ? List.of() : request.options().stream().map(String::strip).distinct().toList();
        List<FieldError> errors = new ArrayList<>();
        if (request.type() == FieldType.SINGLE_CHOICE && options.isEmpty()) {
            errors.add(new FieldError("options", "a single-choice field needs at least one option"));
        }
        if (request.type() != FieldType.SINGLE_CHOICE && !options.isEmpty()) {
            errors.add(new FieldError("options", "only single-choice fields have options"));
        }
        if ((request.type() == FieldType.PLUGIN) != (request.pluginType() != null)) {
            errors.add(new FieldError("pluginType", "is given with type PLUGIN and only then"));
        } else if (request.pluginType() != null && available(tenant).stream().noneMatch(t -> t.pluginType().equals(request.pluginType()))) {
            errors.add(new FieldError("pluginType", "names " + request.pluginType()
                    + ", which no plugin enabled for this merchant defines now; see GET /api/v1/member-field-types"));
        }
        String defaultValue = request.defaultValue() == null || request.defaultValue().isBlank() ? null : request.defaultValue().strip();
        if (defaultValue != null && errors.isEmpty()) {
            String problem = request.type().reject(defaultValue, options);
            if (problem == null && request.type() == FieldType.PLUGIN) {
                problem = pluginChecks.rejection(tenant, request.pluginType(), defaultValue);
            }
            if (problem != null) {
                errors.add(new FieldError("defaultValue", problem));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The field definition is not valid", errors);
        }
        field.label = request.label().strip();
        field.required = request.required();
        field.defaultValue = defaultValue;
        field.options = new ArrayList<>(options);
        field.privateField = request.privateField();
        field.updatedAt = Instant.now();
    }

    /** The plugin field types a field of this merchant may use. */
    public List<PluginFieldChecks.PluginFieldType> available(TenantBound tenant) {
        return pluginChecks.available(tenant);
    }

    private MemberField find(String key) {
        return fields.findByKey(key)
                .orElseThrow(() -> ProblemException.notFound("FIELD_NOT_FOUND", "No member field '" + key + "'"));
    }

    private static ProblemException keyTaken(String key) {
        return ProblemException.conflict("FIELD_KEY_TAKEN", "A member field with key '" + key + "' already exists");
    }
}
