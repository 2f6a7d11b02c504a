package io.herald.bootstrap.wiring;

import io.herald.application.auth.ApiKeyService;
import io.herald.application.port.out.GeneratedApiKeyStore;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.List;

@Factory
class AuthFactory {

    @Singleton
    ApiKeyService apiKeyService(@Value("${herald.auth.api-keys:}") List<String> apiKeys, GeneratedApiKeyStore store) {
        return new ApiKeyService(apiKeys, store);
    }
}
