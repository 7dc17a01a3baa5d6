package io.memberhub.platform.problem;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Amounts in fen and points are whole numbers; Jackson would quietly cut {@code 1.5} to {@code 1},
 * so a client's rounding mistake would book a different amount than it meant. It is refused instead
 * ({@code 400 INVALID_FIELD_TYPE}).
 */
@Singleton
public class WholeNumbersOnly implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
