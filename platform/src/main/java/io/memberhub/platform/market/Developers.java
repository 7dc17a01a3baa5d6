package io.memberhub.platform.market;

import io.memberhub.platform.db.UniqueViolation;
import io.memberhub.platform.identity.KeycloakDirectory;
import io.memberhub.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Plugin developers and their signing keys. Registration creates a Keycloak login with the realm
 * role {@code developer}, then the developer row; a failure undoes the login.
 */
@ApplicationScoped
public class Developers {

    static final String ROLE = "developer";
    private static final Logger LOG = Logger.getLogger(Developers.class);

    @Inject
    KeycloakDirectory directory;

    @Inject
    EntityManager em;

    public DeveloperResponse signUp(DeveloperSignUpRequest request) {
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        if (directory.findUserIdByEmail(email).isPresent()) {
            throw ProblemException.conflict("EMAIL_TAKEN", "An account with this email already exists");
        }
        String userId = directory.createUser(email, request.password(), false);
        try {
            directory.grantRealmRole(userId, ROLE);
            return QuarkusTransaction.requiringNew().call(() -> persist(userId, request.name().trim(), email)).toResponse();
        } catch (RuntimeException failure) {
            try {
                directory.deleteUser(userId);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not undo a failed developer sign-up in Keycloak (user %s)", userId);
            }
            if (UniqueViolation.of(failure, "market_developer_email_uq")) {
                throw ProblemException.conflict("EMAIL_TAKEN", "An account with this email already exists");
            }
            throw failure;
        }
    }

    /** The developer behind a login, for calls made with a developer token. */
    @Transactional
    public Developer byLogin(String userId) {
        return em.createQuery("from Developer where userId = :u", Developer.class).setParameter("u", userId)
                .getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.forbidden("NOT_A_DEVELOPER",
                        "This login has the developer role but no market profile; register at POST /api/v1/market/developers"));
    }

    @Transactional
    public DeveloperKeyResponse registerKey(String userId, RegisterKeyRequest request) {
        Developer developer = byLogin(userId);
        byte[] der = decodePublicKey(request.publicKey());
        var key = new DeveloperKey();
        key.id = "mk_" + HexFormat.of().formatHex(PackageSignature.sha256(der)).substring(0, 24);
        if (em.find(DeveloperKey.class, key.id) != null) {
            throw ProblemException.conflict("KEY_EXISTS", "This key is already registered");
        }
        key.developerId = developer.id;
        key.publicKey = der;
        key.label = request.label() == null || request.label().isBlank() ? "key " + key.id : request.label().trim();
        key.createdAt = Instant.now();
        em.persist(key);
        try {
            em.flush();
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            // The same key registered at the same moment by another request: the check above could not see it yet.
            throw ProblemException.conflict("KEY_EXISTS", "This key is already registered");
        }
        return key.toResponse();
    }

    @Transactional
    public List<DeveloperKeyResponse> keys(String userId) {
        Developer developer = byLogin(userId);
        return em.createQuery("from DeveloperKey where developerId = :d order by createdAt", DeveloperKey.class)
                .setParameter("d", developer.id).getResultStream().map(DeveloperKey::toResponse).toList();
    }

    /** Revokes a key: packages it signed stay as they are; nothing new verifies with it. */
    @Transactional
    public DeveloperKeyResponse revokeKey(String userId, String keyId) {
        Developer developer = byLogin(userId);
        DeveloperKey key = em.find(DeveloperKey.class, keyId);
        if (key == null || !key.developerId.equals(developer.id)) {
            throw ProblemException.notFound("KEY_NOT_FOUND", "You have no key " + keyId);
        }
        if (key.revokedAt == null) {
            key.revokedAt = Instant.now();
        }
        return key.toResponse();
    }

    private Developer persist(String userId, String name, String email) {
        var developer = new Developer();
        developer.id = UUID.randomUUID();
        developer.userId = userId;
        developer.name = name;
        developer.email = email;
        developer.createdAt = Instant.now();
        em.persist(developer);
        em.flush();
        return developer;
    }

    static byte[] decodePublicKey(String text) {
        String base64 = text.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            PackageSignature.ed25519(der);
            return der;
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw ProblemException.invalidField("publicKey", "must be an Ed25519 public key, PEM or base64 DER (openssl pkey -pubout)");
        }
    }
}
