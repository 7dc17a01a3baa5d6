package io.memberhub.platform.level;

import java.util.UUID;

public record LevelRef(UUID id, int rank, String name) {
}
