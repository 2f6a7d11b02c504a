package io.herald.domain.brand;

import io.herald.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrandTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private static Brand parse(Map<String, Object> body) {
        return Brand.parse("acme", body, NOW, NOW);
    }

    @Test
    void courierSettingsAreKeptAsWritten_andTheEmailPartsAreRead() {
        Map<String, Object> settings = Map.of(
                "colors", Map.of("primary", "#1F6FEB", "secondary", "#fff", "tertiary", "#000000"),
                "email", Map.of("header", Map.of("logo", Map.of("image", "https://cdn.example.org/logo.png", "href", "https://example.org")),
                        "footer", Map.of("content", "Acme Inc.", "inheritDefault", false),
                        "head", Map.of("inheritDefault", false, "content", "<style>p{margin:0}</style>")),
                "inapp", Map.of("placement", "top"));
        Brand brand = parse(Map.of("name", "Acme", "settings", settings));

        assertThat(brand.settings()).isEqualTo(settings);
        assertThat(brand.emailLook()).isEqualTo(new Brand.EmailLook(Optional.of("#1F6FEB"), Optional.of("#1F6FEB"),
                Optional.of("https://cdn.example.org/logo.png"), Optional.of("https://example.org"),
                Optional.of("<style>p{margin:0}</style>"), Optional.of("Acme Inc.")));
    }

    @Test
    void theHeaderBarTakesItsOwnColourOverThePrimary_andNullsMeanNotSet() {
        java.util.HashMap<String, Object> logo = new java.util.HashMap<>();
        logo.put("image", null);
        Brand brand = parse(Map.of("name", "Acme", "settings", Map.of("colors", Map.of("primary", "#111"),
                "email", Map.of("header", Map.of("barColor", "#222", "logo", logo)))));
        assertThat(brand.emailLook().barColour()).contains("#222");
        assertThat(brand.emailLook().logoImage()).isEmpty();
        assertThat(parse(Map.of("name", "Plain")).emailLook()).isEqualTo(new Brand.EmailLook(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void whatWouldEndUpInMarkupIsChecked_coloursAndLinks() {
        assertThatThrownBy(() -> parse(Map.of("name", "Acme", "settings", Map.of("colors", Map.of("primary", "red;background:url(x)")))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("settings.colors.primary").hasMessageContaining("hex colour");
        assertThatThrownBy(() -> parse(Map.of("name", "Acme", "settings", Map.of("email", Map.of("header",
                Map.of("logo", Map.of("href", "javascript:alert(1)")))))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("settings.email.header.logo.href must be an http(s) URL");
    }

    @Test
    void snippetsAreNamedTexts_inTheirOrder_eachNameOnce() {
        Brand brand = parse(Map.of("name", "Acme", "snippets", Map.of("items", List.of(
                Map.of("name", "b", "value", "second"), Map.of("name", "a", "value", "first")))));
        assertThat(brand.snippets().keySet()).containsExactly("b", "a");
        assertThat(brand.templateContext()).containsEntry("snippets", Map.of("b", "second", "a", "first")).containsEntry("name", "Acme");

        assertThatThrownBy(() -> parse(Map.of("name", "Acme", "snippets", Map.of("items", List.of(
                Map.of("name", "a", "value", "1"), Map.of("name", "a", "value", "2"))))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("snippets.items[1].name 'a' is given twice");
    }

    @Test
    void aBrandNeedsAName_andAnIdSafeInAPath() {
        assertThatThrownBy(() -> parse(Map.of("settings", Map.of()))).isInstanceOf(InvalidValueException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> Brand.parse("a/b", Map.of("name", "x"), NOW, NOW)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> parse(Map.of("name", "x", "colours", Map.of()))).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("colours");
    }
}
