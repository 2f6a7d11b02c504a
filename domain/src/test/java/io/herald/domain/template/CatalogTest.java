package io.herald.domain.template;

import io.herald.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogTest {

    @Test
    void aPoFileIsReadWithItsContinuedStringsEscapesAndPluralFirstForms() {
        Catalog catalog = Catalog.parsePo("default", "fr", """
                # French
                msgid ""
                msgstr ""
                "Content-Type: text/plain; charset=UTF-8\\n"

                msgid "Hi {{name}}"
                msgstr "Salut {{name}}"

                msgid "Your order "
                "shipped."
                msgstr "Votre commande "
                "est partie."

                msgid "Say \\"hello\\"\\nthen go"
                msgstr "Dites \\"bonjour\\"\\npuis partez"

                msgid "one item"
                msgid_plural "{{count}} items"
                msgstr[0] "un article"
                msgstr[1] "{{count}} articles"

                msgid "Not translated yet"
                msgstr ""
                """);

        assertThat(catalog.messages()).containsExactly(
                java.util.Map.entry("Hi {{name}}", "Salut {{name}}"),
                java.util.Map.entry("Your order shipped.", "Votre commande est partie."),
                java.util.Map.entry("Say \"hello\"\nthen go", "Dites \"bonjour\"\npuis partez"),
                java.util.Map.entry("one item", "un article"));
        assertThat(catalog.translate("Hi {{name}}")).isEqualTo("Salut {{name}}");
        assertThat(catalog.translate("Not translated yet")).isEqualTo("Not translated yet");
    }

    @Test
    void whatIsNotPoSyntaxIsRefusedByItsLine() {
        assertThatThrownBy(() -> Catalog.parsePo("default", "fr", "msgid \"a\"\nmsgstr b")).isInstanceOf(InvalidValueException.class)
                .hasMessage("line 2: expected a string in double quotes");
        assertThatThrownBy(() -> Catalog.parsePo("default", "fr", "hello")).hasMessageStartingWith("line 1 is not gettext .po syntax");
        assertThatThrownBy(() -> Catalog.parsePo("default", "fr", "msgstr \"x\"")).hasMessage("line 1: msgstr before any msgid");
    }
}
