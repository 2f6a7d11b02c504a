package io.herald.application.fakes;

import io.herald.application.contract.GeneratedApiKeyStoreContract;
import io.herald.application.port.out.GeneratedApiKeyStore;

class InMemoryGeneratedApiKeyStoreTest extends GeneratedApiKeyStoreContract {

    @Override
    protected GeneratedApiKeyStore emptyStore() {
        return new InMemoryGeneratedApiKeyStore();
    }
}
