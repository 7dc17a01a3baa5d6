package io.memberhub.platform.member;

import io.memberhub.platform.field.FieldSchema;
import io.memberhub.platform.problem.Problem.FieldError;
import io.memberhub.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks a proposed new member (from the API or a CSV row) against the standard rules and the
 * tenant's custom fields, and builds the unsaved entity. All problems are reported at once.
 */
@ApplicationScoped
class MemberDrafts {

    @Inject
    Validator validator;

    Member draft(CreateMemberRequest raw, FieldSchema schema, String defaultSource) {
        CreateMemberRequest request = raw.normalized();
        List<FieldError> errors = violations(request);
        Map<String, String> fieldValues = schema.forCreate(request.fields() == null ? Map.of() : request.fields(), errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        Instant now = Instant.now();
        var member = new Member();
        member.phone = request.phone();
        member.name = blankToNull(request.name());
        member.email = blankToNull(request.email());
        member.gender = request.gender() == null ? Gender.UNDISCLOSED : request.gender();
        member.birthday = request.birthday();
        member.avatarUrl = blankToNull(request.avatarUrl());
        member.registrationSource = request.registrationSource() == null ? defaultSource : request.registrationSource();
        member.addresses = request.addresses() == null ? new ArrayList<>() : new ArrayList<>(request.addresses());
        member.customFields = new LinkedHashMap<>(fieldValues);
        member.createdAt = now;
        member.updatedAt = now;
        return member;
    }

    /**
     * A member who registered by signing in with a phone: the merchant's defaults for its custom
     * fields, and required fields left for the member to fill in, rather than refusing the sign-in.
     */
    Member signedUp(String phone, FieldSchema schema, String userId) {
        Instant now = Instant.now();
        var member = new Member();
        member.phone = phone;
        member.gender = Gender.UNDISCLOSED;
        member.registrationSource = "sms";
        member.addresses = new ArrayList<>();
        member.customFields = new LinkedHashMap<>(schema.forCreate(Map.of(), new ArrayList<>()));
        member.userId = userId;
        member.createdAt = now;
        member.updatedAt = now;
        return member;
    }

    <T> List<FieldError> violations(T request) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<T> v : validator.validate(request)) {
            errors.add(new FieldError(v.getPropertyPath().toString(), v.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return errors;
    }

    static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return ProblemException.invalid(detail, errors);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
