package io.memberhub.console.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The parts of the platform's member answers the console shows (unknown properties are ignored). */
public final class MemberViews {

    private MemberViews() {
    }

    public record Member(UUID id, String phone, String name, String email, String gender, LocalDate birthday,
                         String registrationSource, Map<String, String> fields, Instant createdAt) {
    }

    public record Page(List<Member> items, int page, int size, long total) {

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }

    public record LevelRef(UUID id, int rank, String name) {
    }

    public record Level(LevelRef level, Instant since) {
    }

    public record PointsEntry(long delta, String reason, Instant createdAt) {
    }

    public record Points(long balance, long expiringWithin30Days, List<PointsEntry> recent) {
    }

    public record Tag(UUID id, String name, String kind) {
    }

    public record Coupon(String code, String name, String status, Instant expiresAt) {
    }
}
