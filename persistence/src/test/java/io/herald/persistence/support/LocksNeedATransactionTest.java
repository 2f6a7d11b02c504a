package io.herald.persistence.support;

import io.herald.application.port.out.AutomationRunRepository;
import io.herald.application.port.out.InboundEventLog;
import io.herald.application.port.out.MessageRepository;
import io.herald.application.port.out.ProfileRepository;
import io.herald.application.port.out.TenantRepository;
import io.herald.domain.automation.AutomationRunId;
import io.herald.domain.message.MessageId;
import io.herald.domain.profile.UserId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.exceptions.IllegalTransactionStateException;
import jakarta.inject.Inject;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A row lock taken outside a transaction is released as soon as it is taken; the repositories refuse it loudly. */
@MicronautTest(startApplication = false, transactional = false)
class LocksNeedATransactionTest implements PostgresTest {

    @Inject
    MessageRepository messages;

    @Inject
    ProfileRepository profiles;

    @Inject
    TenantRepository tenants;

    @Inject
    AutomationRunRepository runs;

    @Inject
    InboundEventLog inbound;

    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void everyLockingCallOutsideATransactionFails() {
        Map<String, ThrowingCallable> locks = Map.ofEntries(
                Map.entry("messages.lockAll", () -> messages.lockAll(List.of(new MessageId("1-x")))),
                Map.entry("messages.lock", () -> messages.lock(new MessageId("1-x"))),
                Map.entry("profiles.lockOrCreate", () -> profiles.lockOrCreate(UserId.of("alex"))),
                Map.entry("tenants.lockOrCreate", () -> tenants.lockOrCreate("acme")),
                Map.entry("runs.lock", () -> runs.lock(new AutomationRunId("run-x"))),
                Map.entry("runs.lockActiveByToken", () -> runs.lockActiveByToken("token")),
                Map.entry("inbound.lockPending", () -> inbound.lockPending(List.of(0), 10, java.time.Instant.now())),
                Map.entry("inbound.lockPendingOf", () -> inbound.lockPendingOf("alex", 10, java.time.Instant.now())),
                Map.entry("inbound.takeDueLanes", () -> inbound.takeDueLanes(4, 0, java.time.Instant.now())),
                Map.entry("inbound.tryTakeLanesOf", () -> inbound.tryTakeLanesOf(List.of(1L))),
                Map.entry("inbound.tryTakeLaneOf", () -> inbound.tryTakeLaneOf("alex")));

        locks.forEach((name, lock) -> assertThatThrownBy(lock).as(name).isInstanceOf(IllegalTransactionStateException.class).hasMessageContaining("mandatory"));
    }

    @Test
    void insideATransactionTheyWork() {
        List<Object> results = transactions.executeWrite(status -> Stream.of(
                messages.lockAll(List.of(new MessageId("1-x"))),
                profiles.lockOrCreate(UserId.of("alex")).userId(),
                inbound.tryTakeLaneOf("alex")).map(Object.class::cast).toList());

        assertThat(results).containsExactly(List.of(), UserId.of("alex"), true);
    }
}
