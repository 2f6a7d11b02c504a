package io.herald.bootstrap.startup;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up check over the configuration as Micronaut resolves it (properties, as env vars would give them). */
class ConfigurationCheckTest {

    private static List<String> problems(Map<String, Object> properties) {
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).build()) {
            Environment environment = context.getEnvironment();
            environment.start();
            return new ConfigurationCheck(environment).problems();
        }
    }

    @Test
    void theDefaultsNeedNothing() {
        assertThat(problems(Map.of())).isEmpty();
    }

    @Test
    void aMistypedProviderIsNamedWithTheKeyAndTheKnownProviders() {
        assertThat(problems(Map.of("herald.channels.email.providers", "sendgird,console"))).singleElement().satisfies(problem ->
                assertThat(problem).startsWith("herald.channels.email.providers names 'sendgird', which is not a provider")
                        .contains("console, fcm, inbox, sendgrid, twilio"));
    }

    @Test
    void aProviderOnAChannelItCannotServeIsRefused() {
        assertThat(problems(Map.of("herald.channels.sms.providers", "inbox")))
                .containsExactly("herald.channels.sms.providers names 'inbox', which cannot deliver sms");
    }

    @Test
    void everyNamedProviderNeedsItsCredentialsAndEveryProblemIsReported() {
        assertThat(problems(Map.of("herald.channels.email.providers", "sendgrid", "herald.channels.sms.providers", "twilio",
                "herald.channels.push.providers", "fcm")))
                .anySatisfy(p -> assertThat(p).startsWith("herald.providers.sendgrid.api-key must be set"))
                .anySatisfy(p -> assertThat(p).startsWith("herald.providers.sendgrid.from must be set"))
                .anySatisfy(p -> assertThat(p).startsWith("herald.providers.twilio.account-sid must be set"))
                .anySatisfy(p -> assertThat(p).startsWith("herald.providers.twilio.auth-token must be set"))
                .anySatisfy(p -> assertThat(p).startsWith("herald.providers.twilio.from or herald.providers.twilio.messaging-service-sid"))
                .anySatisfy(p -> assertThat(p).startsWith("herald.providers.fcm.credentials-file must be set"))
                .hasSize(6);
    }

    /** A key that is none would start Herald healthy and answer every SendGrid callback with a 500. */
    @Test
    void aSendGridWebhookKeyThatIsNoPublicKeyIsRefusedAndARealOnePasses() throws Exception {
        assertThat(problems(Map.of("herald.providers.sendgrid.webhook-public-key", "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE")))
                .singleElement().satisfies(problem -> assertThat(problem)
                        .startsWith("herald.providers.sendgrid.webhook-public-key must be the verification key"));
        assertThat(problems(Map.of("herald.providers.sendgrid.webhook-public-key", "not base64 at all!"))).hasSize(1);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        String real = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
        assertThat(problems(Map.of("herald.providers.sendgrid.webhook-public-key", real))).isEmpty();
    }

    @Test
    void aConfiguredProviderWithItsCredentialsPasses() throws Exception {
        Path credentials = Files.createTempFile("fcm", ".json");
        credentials.toFile().deleteOnExit();
        Map<String, Object> properties = new HashMap<>();
        properties.put("herald.channels.email.providers", "sendgrid,console");
        properties.put("herald.providers.sendgrid.api-key", "SG.key");
        properties.put("herald.providers.sendgrid.from", "Acme <noreply@acme.example>");
        properties.put("herald.channels.sms.providers", "twilio");
        properties.put("herald.providers.twilio.account-sid", "AC1");
        properties.put("herald.providers.twilio.auth-token", "token");
        properties.put("herald.providers.twilio.messaging-service-sid", "MG1");
        properties.put("herald.channels.push.providers", "fcm");
        properties.put("herald.providers.fcm.credentials-file", credentials.toString());
        assertThat(problems(properties)).isEmpty();
    }

    @Test
    void invalidDurationsNumbersUrlsAndSendersAreNamed() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("herald.delivery.give-up-after", "forever");
        properties.put("herald.delivery.first-retry-delay", "PT2S");
        properties.put("herald.scheduler.threads", "0");
        properties.put("herald.segment.feedback.endpoint", "api.segment.io");
        properties.put("micronaut.server.port", "http");
        properties.put("herald.channels.email.providers", "sendgrid");
        properties.put("herald.providers.sendgrid.api-key", "SG.key");
        properties.put("herald.providers.sendgrid.from", "noreply");
        properties.put("herald.channels.push.providers", "fcm");
        properties.put("herald.providers.fcm.credentials-file", "/nonexistent/service-account.json");
        properties.put("herald.providers.twilio.rate", "1 per second");
        assertThat(problems(properties)).containsExactlyInAnyOrder(
                "herald.providers.sendgrid.from must be an email address, optionally with a name: Acme <noreply@acme.example>",
                "herald.providers.fcm.credentials-file: cannot read /nonexistent/service-account.json",
                "herald.delivery.give-up-after must be a duration such as 500ms, 30s, 5m, 72h or PT30S, not 'forever'",
                "herald.scheduler.threads must be a whole number above 0, not '0'",
                "micronaut.server.port must be a port number (0 to 65535), not 'http'",
                "herald.segment.feedback.endpoint must be an http(s) URL such as https://host:port, not 'api.segment.io'",
                "herald.providers.twilio.rate must be a rate such as 1/s, 600/m or 5/10s, not '1 per second'");
    }

    @Test
    void anEmptyProviderListIsRefused() {
        assertThat(problems(Map.of("herald.channels.inbox.providers", " , ")))
                .containsExactly("herald.channels.inbox.providers names no provider; leave it unset for the default (inbox)");
    }

    @Test
    void providerCredentialsThatNoChannelUsesAreNoticed() {
        try (ApplicationContext context = ApplicationContext.builder().properties(Map.of(
                "herald.providers.sendgrid.api-key", "SG.key", "herald.providers.twilio.account-sid", "AC1",
                "herald.channels.sms.providers", "twilio", "herald.providers.twilio.auth-token", "t",
                "herald.providers.twilio.from", "+15550000")).build()) {
            Environment environment = context.getEnvironment();
            environment.start();
            assertThat(new ConfigurationCheck(environment).configuredButUnused()).containsExactly("sendgrid");
        }
    }
}
