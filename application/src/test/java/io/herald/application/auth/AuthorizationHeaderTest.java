package io.herald.application.auth;

import io.herald.application.port.in.AuthenticateCallerUseCase.Scheme;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorizationHeaderTest {

    private static final Set<Scheme> BEARER_ONLY = Set.of(Scheme.BEARER);
    private static final Set<Scheme> SEGMENT = Set.of(Scheme.BEARER, Scheme.BASIC_KEY_AS_USERNAME);

    @Test
    void bearerInAnyCaseCarriesTheCredential() {
        assertThat(AuthorizationHeader.credential("Bearer hk_1", BEARER_ONLY)).contains("hk_1");
        assertThat(AuthorizationHeader.credential("bearer  hk_1 ", BEARER_ONLY)).contains("hk_1");
    }

    @Test
    void basicCarriesTheKeyAsUsernameWhereAcceptedAndIgnoresThePassword() {
        String withPassword = "Basic " + base64("wk_1:ignored");
        String withoutColon = "Basic " + base64("wk_1");

        assertThat(AuthorizationHeader.credential(withPassword, SEGMENT)).contains("wk_1");
        assertThat(AuthorizationHeader.credential(withoutColon, SEGMENT)).contains("wk_1");
        assertThat(AuthorizationHeader.credential(withPassword, BEARER_ONLY)).as("Basic only on the Segment paths").isEmpty();
    }

    @Test
    void missingBlankOrMalformedHeadersCarryNothing() {
        assertThat(AuthorizationHeader.credential(null, SEGMENT)).isEmpty();
        assertThat(AuthorizationHeader.credential("Bearer ", SEGMENT)).isEmpty();
        assertThat(AuthorizationHeader.credential("Basic not*base64", SEGMENT)).isEmpty();
        assertThat(AuthorizationHeader.credential("Basic " + base64(":password"), SEGMENT)).isEmpty();
        assertThat(AuthorizationHeader.credential("Digest abc", SEGMENT)).isEmpty();
        assertThat(AuthorizationHeader.credential("hk_1", SEGMENT)).isEmpty();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
