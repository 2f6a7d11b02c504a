package io.herald.application.auth;

import io.herald.domain.profile.UserId;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SignedRecipientLinksTest {

    private static final String SECRET = "a-token-secret-of-at-least-thirty-two-chars";
    private final SignedRecipientLinks links = new SignedRecipientLinks("https://herald.example.org/", SECRET);

    private static Map<String, String> query(String url) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&", -1)) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    @Test
    void aPreferenceLinkOpensForItsUserOnly_onEveryInstance() {
        String url = links.preferencesUrl(UserId.of("alex+1@example.org"));
        Map<String, String> query = query(url);

        assertThat(url).startsWith("https://herald.example.org/preferences-center?u=alex%2B1%40example.org&s=");
        assertThat(new SignedRecipientLinks("https://other", SECRET).preferencesUser(query.get("u"), query.get("s")))
                .contains(UserId.of("alex+1@example.org"));
        assertThat(links.preferencesUser("kim", query.get("s"))).isEmpty();
        assertThat(new SignedRecipientLinks("https://herald.example.org", "another-secret-of-thirty-two-characters")
                .preferencesUser(query.get("u"), query.get("s"))).isEmpty();
        assertThat(links.preferencesUser(query.get("u"), null)).isEmpty();
    }

    @Test
    void anUnsubscribeLinkIsForOneUserAndOneTopic_andNeverPassesForAPreferenceLink() {
        Map<String, String> query = query(links.unsubscribeUrl(UserId.of("alex"), "marketing"));

        assertThat(links.unsubscribingUser(query.get("u"), query.get("t"), query.get("s"))).contains(UserId.of("alex"));
        assertThat(links.unsubscribingUser(query.get("u"), "security", query.get("s"))).isEmpty();
        assertThat(links.unsubscribingUser("kim", "marketing", query.get("s"))).isEmpty();
        assertThat(links.preferencesUser(query.get("u"), query.get("s"))).isEmpty();
    }
}
