package io.memberhub.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Text in a JSON body that PostgreSQL cannot store as sent is refused where it is read
 * ({@code 400 INVALID_TEXT}, naming the field): NUL, which PostgreSQL refuses in text (the request
 * would fail at the database), and an unpaired UTF-16 surrogate (the JSON escape of D800 alone, say), which has no UTF-8
 * form and would be stored as {@code ?}, so the text would not read back as sent.
 */
@Singleton
public class StorableText implements ObjectMapperCustomizer {

    /** Thrown for such text; Jackson adds the field's path to it. */
    public static final class UnstorableTextException extends JsonMappingException {

        UnstorableTextException(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("storable-text");
        module.addDeserializer(String.class, new Text());
        module.addKeyDeserializer(String.class, new Key());
        mapper.registerModule(module);
    }

    /** Why {@code text} cannot be stored, or null when it can. */
    public static String problemWith(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "contains NUL (\\u0000), which cannot be stored";
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return "contains an unpaired UTF-16 surrogate, which is not a character";
            }
        }
        return null;
    }

    private static String checked(String text, JsonParser parser) throws UnstorableTextException {
        String problem = text == null ? null : problemWith(text);
        if (problem != null) {
            throw new UnstorableTextException(parser, problem);
        }
        return text;
    }

    private static final class Text extends StdScalarDeserializer<String> {

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return checked(StringDeserializer.instance.deserialize(parser, context), parser);
        }
    }

    private static final class Key extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            return checked(key, context.getParser());
        }
    }
}
