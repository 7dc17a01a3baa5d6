package io.memberhub.platform.member;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class MemberRepository implements PanacheRepositoryBase<Member, UUID> {

    Optional<Member> findLive(UUID id) {
        return find("id = ?1 and deletedAt is null", id).firstResultOptional();
    }

    boolean isLive(UUID id) {
        return !getEntityManager().createNativeQuery("select 1 from member where id = ?1 and deleted_at is null")
                .setParameter(1, id).getResultList().isEmpty();
    }

    boolean phoneTaken(String phone) {
        return count("phone = ?1 and deletedAt is null", phone) > 0;
    }

    List<String> takenPhones(Collection<String> phones) {
        return getEntityManager()
                .createQuery("select m.phone from Member m where m.phone in :phones and m.deletedAt is null", String.class)
                .setParameter("phones", phones)
                .getResultList();
    }
}
