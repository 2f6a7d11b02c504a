package io.herald.adapters.inbound.rest;

import io.herald.adapters.inbound.rest.fakes.AllFakes;
import io.herald.adapters.inbound.rest.support.Api;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

/**
 * A controller test: the REST adapter alone on Micronaut's embedded server, with every in-port a recording fake
 * (see {@code fakes}), called over HTTP by {@link Api}. Each test starts with fakes that heard nothing.
 */
public abstract class ApiTest {

    @Inject
    protected Api api;

    @Inject
    AllFakes fakes;

    @BeforeEach
    void startFromUntouchedFakes() {
        fakes.reset();
    }
}
