package io.memberhub.platform.membercode;

import io.memberhub.platform.db.SqlValues;
import io.memberhub.platform.secret.SecretBox;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each tenant's Ed25519 key for member codes, created the first time a code is needed. Public keys
 * go to devices; the private key never leaves the platform and is stored sealed.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class MemberCodeKeys {

    /** A key as devices see it: its id and the X.509-encoded public key, base64. */
    public record PublicKeyInfo(String kid, String algorithm, String publicKey, Instant createdAt, Instant retiredAt) {
    }

    record SigningKey(String kid, PrivateKey privateKey) {
    }

    @Inject
    EntityManager em;

    @Inject
    SecretBox secrets;

    private final Map<UUID, SigningKey> signing = new ConcurrentHashMap<>();
    private final Map<String, PublicKey> verifying = new ConcurrentHashMap<>();

    SigningKey active(TenantBound tenant) {
        SigningKey cached = signing.get(tenant.tenantId());
        if (cached != null) {
            return cached;
        }
        Optional<Object[]> row = activeRow();
        if (row.isEmpty()) {
            create(tenant);
            row = activeRow();
        }
        String kid = (String) row.orElseThrow()[0];
        byte[] pkcs8 = secrets.open((String) row.get()[1], associated(tenant, kid));
        try {
            SigningKey key = new SigningKey(kid, KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
            signing.put(tenant.tenantId(), key);
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The member code key of tenant " + tenant.tenantId() + " is unreadable", e);
        }
    }

    /** The tenant's public key {@code kid}, retired or not. */
    Optional<PublicKey> publicKey(TenantBound tenant, String kid) {
        String cacheKey = tenant.tenantId() + "/" + kid;
        PublicKey cached = verifying.get(cacheKey);
        if (cached != null) {
            return Optional.of(cached);
        }
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("select public_key from tenant_key where kid = ?1 and purpose = 'MEMBER_CODE'")
                .setParameter(1, kid).getResultList();
        return rows.stream().findFirst().map(encoded -> {
            PublicKey key = decode(encoded);
            verifying.put(cacheKey, key);
            return key;
        });
    }

    public List<PublicKeyInfo> publicKeys(TenantBound tenant) {
        active(tenant);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select kid, algorithm, public_key, created_at, retired_at from tenant_key "
                + "where purpose = 'MEMBER_CODE' order by created_at desc").getResultList();
        return rows.stream()
                .map(r -> new PublicKeyInfo((String) r[0], (String) r[1], (String) r[2], SqlValues.instant(r[3]), SqlValues.instant(r[4])))
                .toList();
    }

    private Optional<Object[]> activeRow() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select kid, private_key from tenant_key where purpose = 'MEMBER_CODE' and retired_at is null")
                .getResultList();
        return rows.stream().findFirst();
    }

    private void create(TenantBound tenant) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            String kid = "mc-" + UUID.randomUUID().toString().substring(0, 8);
            em.createNativeQuery("insert into tenant_key (tenant_id, kid, purpose, algorithm, public_key, private_key, created_at) "
                            + "values (?1, ?2, 'MEMBER_CODE', 'Ed25519', ?3, ?4, now()) on conflict do nothing")
                    .setParameter(1, tenant.tenantId().toString())
                    .setParameter(2, kid)
                    .setParameter(3, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()))
                    .setParameter(4, secrets.seal(pair.getPrivate().getEncoded(), associated(tenant, kid)))
                    .executeUpdate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JVM", e);
        }
    }

    static PublicKey decode(String x509) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(x509)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored public key is unreadable", e);
        }
    }

    private static String associated(TenantBound tenant, String kid) {
        return "tenant_key:" + tenant.tenantId() + ":" + kid;
    }
}
