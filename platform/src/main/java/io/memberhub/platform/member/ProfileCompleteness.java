package io.memberhub.platform.member;

import io.memberhub.platform.field.FieldDefinition;
import io.memberhub.platform.field.FieldSchema;

/**
 * When a profile counts as complete: name, phone, email, birthday and a disclosed gender, plus every
 * custom field the merchant marks required. UNDISCLOSED is what a member gets who never said, so
 * it does not count as an answer.
 */
final class ProfileCompleteness {

    private ProfileCompleteness() {
    }

    static boolean complete(Member m, FieldSchema schema) {
        return m.name != null && m.phone != null && m.email != null && m.birthday != null
                && m.gender != null && m.gender != Gender.UNDISCLOSED
                && schema.fields().stream().filter(FieldDefinition::required).allMatch(f -> m.customFields.get(f.key()) != null);
    }
}
