package io.herald.bootstrap.startup;

import io.herald.application.port.in.ProvisionApiKeyUseCase;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At first start without configured keys, Herald generates one and shows it this once: the database
 * keeps only its hash, so it cannot be shown again.
 */
@Singleton
final class ApiKeyProvisioning implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyProvisioning.class);

    private final ProvisionApiKeyUseCase provisioning;

    ApiKeyProvisioning(ProvisionApiKeyUseCase provisioning) {
        this.provisioning = provisioning;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        provisioning.provisionKeyIfNoneConfigured().ifPresent(key -> LOG.warn("""
                No herald.auth.api-keys configured: generated the API key

                    {}

                Use it as 'Authorization: Bearer <key>'. It is printed only this once (Herald keeps only its hash); \
                set HERALD_AUTH_API_KEYS to choose your own keys.""", key));
    }
}
