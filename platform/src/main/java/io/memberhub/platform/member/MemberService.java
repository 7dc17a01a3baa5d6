package io.memberhub.platform.member;

import io.memberhub.platform.db.UniqueViolation;
import io.memberhub.platform.event.Outbox;
import io.memberhub.platform.field.FieldDefinition;
import io.memberhub.platform.field.FieldSchema;
import io.memberhub.platform.field.FieldService;
import io.memberhub.platform.problem.Problem.FieldError;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Member profiles of one tenant: create, read, update, soft-delete and search. */
@ApplicationScoped
@Transactional
@TenantTransaction
public class MemberService {

    @Inject
    MemberLocks locks;

    @Inject
    MemberRepository members;

    @Inject
    MemberDrafts drafts;

    @Inject
    MemberSearch search;

    @Inject
    FieldService fields;

    @Inject
    Referrals referrals;

    @Inject
    Event<ProfileCompleted> profileCompleted;

    @Inject
    Event<MemberRegistered> registered;

    @Inject
    Outbox outbox;

    public MemberResponse create(CallContext call, CreateMemberRequest request) {
        FieldSchema schema = fields.schema(call);
        Member member = drafts.draft(request, schema, "api");
        if (members.phoneTaken(member.phone)) {
            throw phoneTaken();
        }
        if (request.referredBy() != null) {
            referrals.check(call, member.id(), request.referredBy());
            referTo(member, request.referredBy());
        }
        try {
            members.persistAndFlush(member);
        } catch (PersistenceException e) {
            if (UniqueViolation.of(e, "member_phone_uq")) {
                throw phoneTaken();
            }
            throw e;
        }
        if (member.referredBy != null) {
            referrals.recorded(call, member);
        }
        saved(call, member, schema);
        registered(call, member, "api");
        return view(member, schema, call.role().seesPrivateFields());
    }

    /**
     * The member a person signing in with {@code phone} is: the live member with that phone, linked to
     * the person's account, or a new member registered by the sign-in itself.
     */
    public UUID signedIn(TenantBound tenant, String phone, String userId) {
        Member member = members.find("phone = ?1 and deletedAt is null", phone).firstResult();
        if (member == null) {
            member = drafts.signedUp(phone, fields.schema(tenant), userId);
            try {
                members.persistAndFlush(member);
            } catch (PersistenceException e) {
                if (UniqueViolation.of(e, "member_phone_uq")) {
                    throw ProblemException.conflict("SIGN_IN_RACE", "This phone was registered at the same moment; sign in again");
                }
                throw e;
            }
            registered(tenant, member, "sign-in");
        } else if (!userId.equals(member.userId)) {
            member.userId = userId;
            member.updatedAt = Instant.now();
        }
        return member.id();
    }

    /**
     * Tells the platform in process (entry level) and, through the outbox, everyone else: plugins
     * and webhooks hear of a registration even if this instance stops right after the commit.
     */
    private void registered(TenantBound tenant, Member member, String via) {
        registered.fire(new MemberRegistered(tenant.tenantId(), member.id()));
        outbox.append(tenant, "MemberRegistered", "member", member.id(), Map.of("memberId", member.id(), "via", via));
    }

    /** A member's own profile, private fields included: it is the member's own data. */
    public MemberResponse own(TenantBound tenant, UUID id) {
        return view(find(id), fields.schema(tenant), true);
    }

    /** The phone of a live member, for codes sent to it. */
    public String phoneOf(TenantBound tenant, UUID id) {
        return find(id).phone;
    }

    /** The login linked to a live member, if the member has signed in before. */
    public java.util.Optional<String> loginOf(TenantBound tenant, UUID id) {
        return java.util.Optional.ofNullable(find(id).userId);
    }

    /** The live member signed in as {@code userId}, if any. */
    public java.util.Optional<UUID> byLogin(TenantBound tenant, String userId) {
        return members.find("userId = ?1 and deletedAt is null", userId).firstResultOptional().map(Member::id);
    }

    /**
     * A live member as plugins see it: private custom fields are left out altogether (masked
     * values would still tell a plugin that the member has one).
     */
    public java.util.Optional<MemberResponse> shared(TenantBound tenant, UUID id) {
        return members.findLive(id).map(m -> shared(m, fields.schema(tenant)));
    }

    /** {@link #shared(TenantBound, UUID)} of the live member with this phone. */
    public java.util.Optional<MemberResponse> sharedByPhone(TenantBound tenant, String phone) {
        String normalized = MemberRules.normalizePhone(phone.strip());
        return members.find("phone = ?1 and deletedAt is null", normalized).firstResultOptional()
                .map(m -> shared(m, fields.schema(tenant)));
    }

    private static MemberResponse shared(Member m, FieldSchema schema) {
        Map<String, String> open = new LinkedHashMap<>();
        m.customFields.forEach((key, value) -> {
            if (schema.field(key).map(field -> !field.privateField()).orElse(false)) {
                open.put(key, value);
            }
        });
        return new MemberResponse(m.id(), m.phone, m.name, m.email, m.gender, m.birthday, m.avatarUrl, m.registrationSource,
                List.copyOf(m.addresses), open, m.referredBy, m.referredAt, m.createdAt, m.updatedAt, m.version);
    }

    /** 404 unless the member exists and is not deleted; reads no more than that. */
    public void requireLive(TenantBound tenant, UUID id) {
        if (!isLive(tenant, id)) {
            throw notFound(id);
        }
    }

    /** Whether the member exists and is not deleted; reads no more than that, and only once per transaction when live. */
    public boolean isLive(TenantBound tenant, UUID id) {
        if (locks.foundLive(tenant, id)) {
            return true;
        }
        boolean live = members.isLive(id);
        locks.noteLive(tenant, id, live);
        return live;
    }

    public MemberResponse get(CallContext call, UUID id) {
        return view(find(id), fields.schema(call), call.role().seesPrivateFields());
    }

    public MemberResponse update(CallContext call, UUID id, UpdateMemberRequest request) {
        FieldSchema schema = fields.schema(call);
        Member member = find(id);
        if (request.version() != null && request.version() != member.version) {
            throw ProblemException.conflict("CONCURRENT_UPDATE",
                    "The member changed since version " + request.version() + " (now " + member.version + "); reload and retry");
        }
        List<FieldError> errors = drafts.violations(request);
        Map<String, String> changes = request.fields() == null ? Map.of() : request.fields();
        if (!call.role().seesPrivateFields()) {
            changes.keySet().stream()
                    .filter(key -> schema.field(key).map(FieldDefinition::privateField).orElse(false))
                    .forEach(key -> errors.add(new FieldError("fields." + key, "is private; your role cannot change it")));
        }
        Map<String, String> values = schema.forUpdate(member.customFields, changes, errors);
        if (!errors.isEmpty()) {
            throw MemberDrafts.invalid(errors);
        }
        // Before any change to the member: the referral checks query, and a query may flush what changed.
        boolean referred = mayRefer(call, member, request.referredBy());
        if (request.phone() != null) {
            String phone = MemberRules.normalizePhone(request.phone());
            if (!phone.equals(member.phone) && members.phoneTaken(phone)) {
                throw phoneTaken();
            }
            member.phone = phone;
        }
        if (request.name() != null) {
            member.name = request.name().isBlank() ? null : request.name().strip();
        }
        if (request.email() != null) {
            member.email = request.email().isBlank() ? null : request.email().strip();
        }
        if (request.gender() != null) {
            member.gender = request.gender();
        }
        if (request.birthday() != null) {
            member.birthday = request.birthday();
        }
        if (request.avatarUrl() != null) {
            member.avatarUrl = request.avatarUrl().isBlank() ? null : request.avatarUrl().strip();
        }
        if (request.addresses() != null) {
            member.addresses = new ArrayList<>(request.addresses());
        }
        member.customFields = new LinkedHashMap<>(values);
        if (referred) {
            referTo(member, request.referredBy());
        }
        member.updatedAt = Instant.now();
        try {
            members.flush();
        } catch (PersistenceException e) {
            if (UniqueViolation.of(e, "member_phone_uq")) {
                throw phoneTaken();
            }
            throw e;
        }
        if (referred) {
            referrals.recorded(call, member);
        }
        List<String> changed = changedAttributes(request, changes);
        if (!changed.isEmpty()) {
            // Names only: values may be private custom fields, and consumers read the member through the API.
            outbox.append(call, "MemberUpdated", "member", member.id(), Map.of("memberId", member.id(), "changed", changed));
        }
        saved(call, member, schema);
        return view(member, schema, call.role().seesPrivateFields());
    }

    /** Whether {@code referrerId} is a new referrer to record; naming the one already set again is no change. */
    private boolean mayRefer(CallContext call, Member member, UUID referrerId) {
        if (referrerId == null || referrerId.equals(member.referredBy)) {
            return false;
        }
        if (member.referredBy != null) {
            throw ProblemException.conflict("REFERRER_ALREADY_SET", "This member's referrer is already recorded and cannot change");
        }
        referrals.check(call, member.id(), referrerId);
        return true;
    }

    private static void referTo(Member member, UUID referrerId) {
        member.referredBy = referrerId;
        member.referredAt = Instant.now();
    }

    /** Tells observers the member was saved with a complete profile (import does the same per row). */
    void saved(TenantBound tenant, Member member, FieldSchema schema) {
        if (ProfileCompleteness.complete(member, schema)) {
            profileCompleted.fire(new ProfileCompleted(tenant.tenantId(), member.id()));
        }
    }

    /** Soft-deletes: the profile disappears from the API and its phone may register again. */
    public void delete(CallContext call, UUID id) {
        Member member = find(id);
        locks.noteLive(call, id, false);
        member.deletedAt = Instant.now();
        member.status = "DELETED";
        member.updatedAt = member.deletedAt;
        outbox.append(call, "MemberDeleted", "member", member.id(), Map.of("memberId", member.id()));
    }

    /** The attributes an update names, custom fields as {@code fields.<key>}. */
    private static List<String> changedAttributes(UpdateMemberRequest request, Map<String, String> fieldChanges) {
        List<String> changed = new ArrayList<>();
        if (request.phone() != null) {
            changed.add("phone");
        }
        if (request.name() != null) {
            changed.add("name");
        }
        if (request.email() != null) {
            changed.add("email");
        }
        if (request.gender() != null) {
            changed.add("gender");
        }
        if (request.birthday() != null) {
            changed.add("birthday");
        }
        if (request.avatarUrl() != null) {
            changed.add("avatarUrl");
        }
        if (request.addresses() != null) {
            changed.add("addresses");
        }
        if (request.referredBy() != null) {
            changed.add("referredBy");
        }
        fieldChanges.keySet().stream().sorted().forEach(key -> changed.add("fields." + key));
        return changed;
    }

    public MemberPage search(CallContext call, MemberQuery query) {
        FieldSchema schema = fields.schema(call);
        List<FieldError> errors = new ArrayList<>();
        query.fields().keySet().forEach(key -> {
            var field = schema.field(key);
            if (field.isEmpty()) {
                errors.add(new FieldError("field." + key, "is not a defined member field"));
            } else if (field.get().privateField() && !call.role().seesPrivateFields()) {
                errors.add(new FieldError("field." + key, "is private; your role cannot search by it"));
            }
        });
        if (!errors.isEmpty()) {
            throw MemberDrafts.invalid(errors);
        }
        MemberSearch.Result result = search.run(call.tenantId(), query);
        // Lists never show private values, whoever asks: they travel too easily (screens, screenshots).
        List<MemberResponse> items = result.members().stream().map(m -> view(m, schema, false)).toList();
        return new MemberPage(items, query.page(), query.size(), result.total());
    }

    static MemberResponse view(Member m, FieldSchema schema, boolean revealPrivate) {
        return new MemberResponse(m.id(), m.phone, m.name, m.email, m.gender, m.birthday, m.avatarUrl, m.registrationSource,
                List.copyOf(m.addresses), schema.masked(m.customFields, revealPrivate), m.referredBy, m.referredAt,
                m.createdAt, m.updatedAt, m.version);
    }

    private Member find(UUID id) {
        return members.findLive(id).orElseThrow(() -> notFound(id));
    }

    /**
     * The 404 for a member that is not (or no longer) there. Callers that may run inside a caller's
     * transaction check {@link #isLive} and throw this themselves: thrown out of this bean, it would
     * mark that whole transaction for rollback.
     */
    public static ProblemException notFound(UUID id) {
        return ProblemException.notFound("MEMBER_NOT_FOUND", "No member " + id);
    }

    static ProblemException phoneTaken() {
        return ProblemException.conflict("MEMBER_PHONE_TAKEN", "Another member already has this phone number");
    }
}
