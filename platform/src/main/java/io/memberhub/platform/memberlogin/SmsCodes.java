package io.memberhub.platform.memberlogin;

import io.memberhub.platform.observability.LogContext;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import io.memberhub.plugin.api.message.SmsMessage;
import io.memberhub.platform.plugin.PluginSmsSenders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Six-digit sign-in codes sent by SMS: rate-limited per phone and per client address, valid for a
 * few minutes, used once. Wrong codes count toward a lockout of the phone; a locked phone and a
 * wrong code get the same answer, so guessing learns nothing.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class SmsCodes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = Logger.getLogger(SmsCodes.class);
    private static final ExecutorService SENDERS = Executors.newVirtualThreadPerTaskExecutor();

    @Inject
    EntityManager em;

    @Inject
    SmsGateway gateway;

    @Inject
    PluginSmsSenders pluginSenders;

    @ConfigProperty(name = "memberhub.sms.code-validity", defaultValue = "5m")
    Duration validity;

    @ConfigProperty(name = "memberhub.sms.send-timeout", defaultValue = "5s")
    Duration sendTimeout;

    @ConfigProperty(name = "memberhub.sms.per-phone-per-minute", defaultValue = "1")
    int perPhonePerMinute;

    @ConfigProperty(name = "memberhub.sms.per-phone-per-day", defaultValue = "10")
    int perPhonePerDay;

    /** Looser than per phone: many members may share one address behind a shop's or an office's NAT. */
    @ConfigProperty(name = "memberhub.sms.per-ip-per-minute", defaultValue = "10")
    int perIpPerMinute;

    @ConfigProperty(name = "memberhub.sms.per-ip-per-day", defaultValue = "100")
    int perIpPerDay;

    /** Across all merchants: asking every merchant in turn must not multiply what one phone receives or one address sends. */
    @ConfigProperty(name = "memberhub.sms.all-merchants.per-phone-per-minute", defaultValue = "5")
    int allPerPhonePerMinute;

    @ConfigProperty(name = "memberhub.sms.all-merchants.per-phone-per-day", defaultValue = "30")
    int allPerPhonePerDay;

    @ConfigProperty(name = "memberhub.sms.all-merchants.per-ip-per-minute", defaultValue = "60")
    int allPerIpPerMinute;

    @ConfigProperty(name = "memberhub.sms.all-merchants.per-ip-per-day", defaultValue = "1000")
    int allPerIpPerDay;

    @ConfigProperty(name = "memberhub.login.max-failures", defaultValue = "5")
    int maxFailures;

    @ConfigProperty(name = "memberhub.login.lockout", defaultValue = "1h")
    Duration lockout;

    /** Sends a new code, unless the phone or the address asked too often. */
    public Instant send(TenantBound tenant, String phone, String clientIp, String merchantName) {
        limit("phone", phone, perPhonePerMinute, perPhonePerDay);
        if (clientIp != null) {
            limit("client_ip", clientIp, perIpPerMinute, perIpPerDay);
        }
        limitAcrossMerchants(phone, clientIp);
        UUID id = UUID.randomUUID();
        String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
        Instant now = Instant.now();
        Instant expires = now.plus(validity);
        em.createNativeQuery("insert into sms_code (tenant_id, id, phone, purpose, code_hash, client_ip, created_at, expires_at) "
                        + "values (?1, ?2, ?3, 'LOGIN', ?4, ?5, ?6, ?7)")
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, id).setParameter(3, phone)
                .setParameter(4, hash(id, code)).setParameter(5, clientIp).setParameter(6, now).setParameter(7, expires)
                .executeUpdate();
        var message = new SmsMessage(tenant.tenantId().toString(), phone, "LOGIN_CODE",
                "[" + merchantName + "] Your sign-in code is " + code + ", valid for " + validity.toMinutes()
                        + " minutes. Do not share it.");
        // A gateway plugin the merchant enabled sends it, within the same time limit, through the plugin guard.
        var byPlugin = pluginSenders.send(tenant, message, sendTimeout);
        if (byPlugin.isPresent()) {
            if (!byPlugin.get()) {
                throw smsUnavailable();
            }
            return expires;
        }
        // The platform's gateway must not hold the request or the transaction either; the code row is
        // rolled back with the 503, so the member may simply ask again.
        Future<?> sent = SENDERS.submit(LogContext.carried(() -> {
            gateway.send(message);
            return null;
        }));
        try {
            sent.get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw smsUnavailable();
        } catch (ExecutionException | TimeoutException e) {
            sent.cancel(true);
            LOG.warnf("The SMS sender failed for tenant %s: %s", tenant.tenantId(), e instanceof TimeoutException
                    ? "no answer within " + sendTimeout : String.valueOf(e.getCause()));
            throw smsUnavailable();
        }
        return expires;
    }

    /**
     * Whether {@code code} is the phone's latest unused, unexpired code; uses it up if so. Runs in a
     * transaction of its own so a failure is recorded even though the caller then refuses the login.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean verify(TenantBound tenant, String phone, String code) {
        Instant now = Instant.now();
        long failures = ((Number) em.createNativeQuery("select count(*) from member_login_failure where phone = ?1 and failed_at > ?2")
                .setParameter(1, phone).setParameter(2, now.minus(lockout)).getSingleResult()).longValue();
        if (failures >= maxFailures) {
            fail(phone, now);
            return false;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> latest = em.createNativeQuery("select id, code_hash from sms_code where phone = ?1 and purpose = 'LOGIN' "
                        + "and used_at is null and expires_at > ?2 order by created_at desc limit 1 for update")
                .setParameter(1, phone).setParameter(2, now).getResultList();
        if (latest.isEmpty() || code == null || !hash((UUID) latest.getFirst()[0], code).equals(latest.getFirst()[1])) {
            if (!latest.isEmpty()) {
                em.createNativeQuery("update sms_code set attempts = attempts + 1 where id = ?1")
                        .setParameter(1, latest.getFirst()[0]).executeUpdate();
            }
            fail(phone, now);
            return false;
        }
        em.createNativeQuery("update sms_code set used_at = ?2 where id = ?1")
                .setParameter(1, latest.getFirst()[0]).setParameter(2, now).executeUpdate();
        return true;
    }

    /**
     * Makes the login code {@link #verify} last used for {@code phone} usable again, for a sign-in the code
     * proved but the identity service could not finish: the member should not need a new code, which the
     * per-phone limit may hold back. The code keeps its expiry.
     */
    public void giveBack(TenantBound tenant, String phone) {
        em.createNativeQuery("update sms_code set used_at = null where id = (select id from sms_code where phone = ?1 and purpose = 'LOGIN' "
                        + "and used_at is not null order by used_at desc limit 1)")
                .setParameter(1, phone).executeUpdate();
    }

    private static ProblemException smsUnavailable() {
        return ProblemException.unavailable("SMS_UNAVAILABLE", "The code could not be sent; try again shortly");
    }

    private void fail(String phone, Instant now) {
        em.createNativeQuery("insert into member_login_failure (tenant_id, id, phone, failed_at) "
                        + "values (current_setting('app.tenant_id'), ?1, ?2, ?3)")
                .setParameter(1, UUID.randomUUID()).setParameter(2, phone).setParameter(3, now).executeUpdate();
    }

    private void limit(String column, String value, int perMinute, int perDay) {
        Instant now = Instant.now();
        long lastMinute = count(column, value, now.minus(Duration.ofMinutes(1)));
        long lastDay = count(column, value, now.minus(Duration.ofDays(1)));
        if (lastMinute >= perMinute || lastDay >= perDay) {
            throw new ProblemException(429, "SMS_RATE_LIMITED", "Too many codes",
                    lastMinute >= perMinute ? "A code was sent moments ago; wait a minute before asking again"
                            : "Too many codes were asked for today; try again tomorrow", List.of());
        }
    }

    private void limitAcrossMerchants(String phone, String clientIp) {
        Instant now = Instant.now();
        Object[] sent = (Object[]) em.createNativeQuery("select * from sms_codes_sent(?1, ?2, ?3, ?4)")
                .setParameter(1, phone).setParameter(2, clientIp == null ? "" : clientIp)
                .setParameter(3, now.minus(Duration.ofMinutes(1))).setParameter(4, now.minus(Duration.ofDays(1)))
                .getSingleResult();
        boolean phoneMinute = ((Number) sent[0]).longValue() >= allPerPhonePerMinute;
        boolean phoneDay = ((Number) sent[1]).longValue() >= allPerPhonePerDay;
        boolean ipMinute = clientIp != null && ((Number) sent[2]).longValue() >= allPerIpPerMinute;
        boolean ipDay = clientIp != null && ((Number) sent[3]).longValue() >= allPerIpPerDay;
        if (phoneMinute || phoneDay || ipMinute || ipDay) {
            throw new ProblemException(429, "SMS_RATE_LIMITED", "Too many codes", phoneMinute || ipMinute
                    ? "Too many codes were asked for moments ago; wait a minute before asking again"
                    : "Too many codes were asked for today; try again tomorrow", List.of());
        }
    }

    private long count(String column, String value, Instant since) {
        return ((Number) em.createNativeQuery("select count(*) from sms_code where " + column + " = ?1 and created_at > ?2")
                .setParameter(1, value).setParameter(2, since).getSingleResult()).longValue();
    }

    private static String hash(UUID id, String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((id + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
