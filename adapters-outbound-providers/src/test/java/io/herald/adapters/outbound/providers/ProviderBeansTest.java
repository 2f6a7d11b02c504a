package io.herald.adapters.outbound.providers;

import io.herald.application.port.out.ChannelSender;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Herald runs with no provider configured; each remote provider exists once its configuration is there. */
class ProviderBeansTest {

    @TempDir
    Path keys;

    @Test
    void withoutConfigurationOnlyTheConsoleProviderExists() {
        try (ApplicationContext context = ApplicationContext.run()) {
            assertThat(context.getBeansOfType(ChannelSender.class)).extracting(ChannelSender::name).containsExactly("console");
        }
    }

    @Test
    void eachConfiguredProviderExistsUnderItsName() throws Exception {
        Map<String, Object> configuration = Map.of(
                "herald.providers.sendgrid.api-key", "SG.key",
                "herald.providers.sendgrid.from", "noreply@herald.example",
                "herald.providers.twilio.account-sid", "AC00000000000000000000000000000001",
                "herald.providers.twilio.auth-token", "token",
                "herald.providers.twilio.from", "+15555550199",
                "herald.providers.twilio.read-timeout", "5s",
                "herald.providers.fcm.credentials-file", serviceAccountFile().toString());

        try (ApplicationContext context = ApplicationContext.run(configuration)) {
            assertThat(context.getBeansOfType(ChannelSender.class)).extracting(ChannelSender::name)
                    .containsExactlyInAnyOrder("console", "sendgrid", "twilio", "fcm");
        }
    }

    @Test
    void anIncompleteConfigurationStopsHeraldWithTheMissingKey() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("herald.providers.twilio.account-sid", "AC1"))) {
            assertThatThrownBy(() -> context.getBeansOfType(ChannelSender.class))
                    .isInstanceOf(BeanInstantiationException.class)
                    .hasMessageContaining("herald.providers.twilio.auth-token must be set");
        }
    }

    private Path serviceAccountFile() throws IOException, NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Path file = keys.resolve("service-account.json");
        Files.writeString(file, """
                {"type": "service_account", "project_id": "herald-test", "private_key_id": "k1",
                 "private_key": "%s", "client_email": "herald@herald-test.iam.gserviceaccount.com",
                 "client_id": "1", "token_uri": "https://oauth2.googleapis.com/token"}"""
                .formatted(pem.replace("\r\n", "\\n").replace("\n", "\\n")), StandardCharsets.UTF_8);
        return file;
    }
}
