package io.memberhub.platform.level;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A proposed level: the JSON of {@link LevelRequest}, read and refused exactly as a save reads it,
 * plus {@code replaces}, the id of the level being changed (absent: a level added to the ladder).
 */
@JsonDeserialize(using = LevelPreviewRequest.Reader.class)
@Schema(description = "A level as for POST /api/v1/levels, plus the level it replaces", allOf = LevelRequest.class)
public record LevelPreviewRequest(@Schema(description = "The level being changed; absent for a level added to the ladder") UUID replaces,
                                  @Schema(hidden = true) LevelRequest level) {

    /** Takes {@code replaces} out of the body and reads the rest as a {@link LevelRequest}, unknown fields and all. */
    static final class Reader extends StdDeserializer<LevelPreviewRequest> {

        Reader() {
            super(LevelPreviewRequest.class);
        }

        @Override
        public LevelPreviewRequest deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode body = context.readTree(parser);
            if (!(body instanceof ObjectNode level)) {
                return context.reportInputMismatch(LevelPreviewRequest.class, "A proposed level is a JSON object");
            }
            JsonNode replaces = level.remove("replaces");
            return new LevelPreviewRequest(replaces == null || replaces.isNull() ? null : context.readTreeAsValue(replaces, UUID.class),
                    context.readTreeAsValue(level, LevelRequest.class));
        }
    }
}
