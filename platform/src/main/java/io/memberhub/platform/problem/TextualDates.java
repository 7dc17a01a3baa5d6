package io.memberhub.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;

/**
 * Dates are ISO-8601 text ({@code "1990-05-17"}) and nothing else. Jackson would also read an array
 * ({@code [1990, 5, 17]}) and take an empty one as no date at all, so {@code "birthday": []} cleared a
 * member's birthday instead of being refused; any other shape is now {@code 400 INVALID_FIELD_TYPE}.
 */
@Singleton
public class TextualDates implements ObjectMapperCustomizer {

    /** Last, after Quarkus has registered the Java time module: the module registered last is asked first. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("textual-dates").addDeserializer(LocalDate.class, new Text()));
    }

    private static final class Text extends StdScalarDeserializer<LocalDate> {

        Text() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            return LocalDateDeserializer.INSTANCE.deserialize(parser, context);
        }
    }
}
