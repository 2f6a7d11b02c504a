package io.herald.application.auth;

import io.herald.application.fakes.InMemoryGeneratedApiKeyStore;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyServiceTest {

    @Test
    void configuredKeysAreAcceptedAndNothingIsGenerated() {
        var store = new InMemoryGeneratedApiKeyStore();
        var service = new ApiKeyService(List.of("alpha", " beta "), store);

        assertThat(service.provisionKeyIfNoneConfigured()).isEmpty();
        assertThat(store.findHash()).isEmpty();
        assertThat(service.isValid("alpha")).isTrue();
        assertThat(service.isValid("beta")).isTrue();
        assertThat(service.isValid("gamma")).isFalse();
        assertThat(service.isValid("")).isFalse();
        assertThat(service.isValid(null)).isFalse();
    }

    @Test
    void withoutConfiguredKeysAKeyIsGeneratedOnceAndOnlyItsHashIsStored() {
        var store = new InMemoryGeneratedApiKeyStore();
        var first = new ApiKeyService(List.of(), store);

        Optional<String> generated = first.provisionKeyIfNoneConfigured();

        assertThat(generated).hasValueSatisfying(key -> assertThat(key).startsWith("hk_").hasSizeGreaterThan(40));
        assertThat(store.findHash()).hasValueSatisfying(hash -> assertThat(hash).hasSize(64).doesNotContain(generated.get()));
        assertThat(first.isValid(generated.get())).isTrue();
        assertThat(first.isValid(generated.get() + "x")).isFalse();

        var afterRestart = new ApiKeyService(List.of(), store);
        assertThat(afterRestart.provisionKeyIfNoneConfigured()).isEmpty();
        assertThat(afterRestart.isValid(generated.get())).isTrue();
    }

    @Test
    void aKeyProvisionedByAnotherInstanceIsAcceptedWithoutRestart() {
        var store = new InMemoryGeneratedApiKeyStore();
        var early = new ApiKeyService(List.of(), store);
        assertThat(early.isValid("anything")).isFalse();

        String key = new ApiKeyService(List.of(), store).provisionKeyIfNoneConfigured().orElseThrow();

        assertThat(early.isValid(key)).isTrue();
    }

    @Test
    void configuredKeysTakePrecedenceOverAGeneratedOne() {
        var store = new InMemoryGeneratedApiKeyStore();
        String generated = new ApiKeyService(List.of(), store).provisionKeyIfNoneConfigured().orElseThrow();

        var configured = new ApiKeyService(List.of("ops-key"), store);

        assertThat(configured.isValid("ops-key")).isTrue();
        assertThat(configured.isValid(generated)).isFalse();
    }
}
