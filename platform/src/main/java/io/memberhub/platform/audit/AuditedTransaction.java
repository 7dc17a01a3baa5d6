package io.memberhub.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.concurrent.Callable;

/**
 * The transaction an audited call and its entry share: the endpoint's services join it, so the
 * entry commits with their writes or not at all. Any failure rolls it back, as in a service.
 */
@ApplicationScoped
class AuditedTransaction {

    @Transactional(rollbackOn = Exception.class)
    <T> T run(Callable<T> work) throws Exception {
        return work.call();
    }
}
