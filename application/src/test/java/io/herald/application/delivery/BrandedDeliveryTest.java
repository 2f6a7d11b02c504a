package io.herald.application.delivery;

import io.herald.domain.brand.Brand;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.routing.Channel;
import io.herald.domain.tenant.Tenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.herald.application.delivery.DeliveryFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Emails laid out in a brand: its header (bar colour, linked logo), its footer rendered with the send's variables, in
 * the HTML and the text part; snippets and colours for templates; which brand wins (send, tenant, template), and a
 * brand deleted since the send; and the text in the recipient's locale when a translation has it.
 */
class BrandedDeliveryTest {

    private final ScriptedSender email = ScriptedSender.local("email-local", Channel.EMAIL);
    private final ScriptedSender sms = ScriptedSender.local("sms-local", Channel.SMS);
    private final DeliveryFixture herald = DeliveryFixture.builder().channel(Channel.EMAIL, email).channel(Channel.SMS, sms).build();

    BrandedDeliveryTest() {
        herald.profile("alex", Map.of("email", "alex@example.org", "phone_number", "+15550100", "name", "Alex"));
        brand("acme", "Acme", "#ff6600", "Sent to {{profile.email}} by Acme <Inc>");
        brand("globex", "Globex", "#0044cc", "Globex Corporation");
        herald.template("welcome", Map.of("brand", "acme", "routing", Map.of("method", "single", "channels", List.of("email", "sms")),
                "channels", Map.of(
                "email", Map.of("subject", "Welcome", "html", "<p>Hi {{profile.name}}, from {{brand.name}} in {{brand.colors.primary}}</p>",
                        "text", "Hi {{profile.name}}. {{brand.snippets.sign_off}}"),
                "sms", Map.of("body", "Hi from {{brand.snippets.sign_off}}"))));
    }

    @AfterEach
    void stop() {
        herald.close();
    }

    private void brand(String id, String name, String colour, String footer) {
        herald.brands.insert(Brand.parse(id, Map.of("name", name,
                "settings", Map.of("colors", Map.of("primary", colour),
                        "email", Map.of("header", Map.of("logo", Map.of("image", "https://cdn.example.org/" + id + ".png",
                                        "href", "https://" + id + ".example.org")),
                                "footer", Map.of("content", footer))),
                "snippets", Map.of("items", List.of(Map.of("name", "sign_off", "value", "The " + name + " team")))), START, START));
    }

    private Map<String, Object> sentContent(ScriptedSender sender, MessageId id) {
        herald.runDueJobs();
        assertThat(herald.message(id).status()).isEqualTo(MessageStatus.SENT);
        return sender.deliveries().get(sender.deliveries().size() - 1).content();
    }

    @Test
    void theTemplatesBrandLaysTheEmailOut_headerLogoAndFooter_andTemplatesSeeItsNameColoursAndSnippets() {
        MessageId id = herald.send(Map.of("to", Map.of("user_id", "alex"), "template", "welcome"));

        Map<String, Object> content = sentContent(email, id);
        String html = (String) content.get("html");
        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<title>Acme</title>")
                .contains("background:#ff6600")
                .contains("<a href=\"https://acme.example.org\"><img src=\"https://cdn.example.org/acme.png\" alt=\"Acme\"")
                .contains("<p>Hi Alex, from Acme in #ff6600</p>")
                .as("the footer is rendered with the send's variables, then escaped")
                .contains("Sent to alex@example.org by Acme &lt;Inc&gt;");
        assertThat(html.indexOf("acme.png")).isLessThan(html.indexOf("<p>Hi Alex")).isLessThan(html.indexOf("Sent to alex@"));
        assertThat(content.get("text")).isEqualTo("Hi Alex. The Acme team\n\n-- \nSent to alex@example.org by Acme <Inc>");
        assertThat(content.get("subject")).isEqualTo("Welcome");
        assertThat(herald.stores.messages().outputs(id).get(Channel.EMAIL)).as("the output kept is what was sent").isEqualTo(content);
    }

    @Test
    void aSendsBrandIdWinsOverTheTenantsWhichWinsOverTheTemplates() {
        herald.stores.tenants().save(new Tenant("initech", "Initech", Map.of(), Optional.of("globex"), Optional.empty(), List.of(), Map.of()));
        MessageId inTenant = herald.send(Map.of("to", Map.of("user_id", "alex"), "template", "welcome", "context", Map.of("tenant_id", "initech")));
        assertThat((String) sentContent(email, inTenant).get("html")).contains("globex.png").doesNotContain("acme.png");

        brand("umbrella", "Umbrella", "#cc0000", "Umbrella");
        MessageId chosen = herald.send(Map.of("to", Map.of("user_id", "alex"), "template", "welcome", "brand_id", "umbrella",
                "context", Map.of("tenant_id", "initech")));
        assertThat((String) sentContent(email, chosen).get("html")).contains("umbrella.png").contains("#cc0000");
    }

    @Test
    void aWholeDocumentKeepsItsOwnLayout_theHeaderAndFooterGoInsideItsBody() {
        herald.template("letter", Map.of("brand", "acme", "channels", Map.of("email", Map.of("subject", "Letter",
                "html", "<html><head><title>Letter</title></head><body class=\"letter\"><p>Dear Alex</p></body></html>"))));
        MessageId id = herald.send(Map.of("to", Map.of("user_id", "alex"), "template", "letter"));

        String html = (String) sentContent(email, id).get("html");
        assertThat(html).startsWith("<html><head><title>Letter</title></head><body class=\"letter\"><div style=\"height:6px;background:#ff6600")
                .contains("acme.png").endsWith("Acme &lt;Inc&gt;</div></body></html>").doesNotContain("<!DOCTYPE");
    }

    @Test
    void onlyEmailIsLaidOut_otherChannelsStillSeeTheBrandsSnippets() {
        MessageId id = herald.send(Map.of("to", Map.of("user_id", "alex"), "template", "welcome", "routing", Map.of("method", "single",
                "channels", List.of("sms"))));
        assertThat(sentContent(sms, id)).isEqualTo(Map.of("body", "Hi from The Acme team"));
    }

    @Test
    void aMessageIsRenderedInTheProfilesLocaleWhenATranslationExists_elseAsWritten() {
        herald.translations.put("default", "fr", "msgid \"Hi {{profile.name}}. {{brand.snippets.sign_off}}\"\n"
                + "msgstr \"Salut {{profile.name}}. {{brand.snippets.sign_off}}\"\n", START);
        herald.profile("amelie", Map.of("email", "amelie@example.org", "name", "Amélie", "locale", "fr-CA"));
        herald.profile("hans", Map.of("email", "hans@example.org", "name", "Hans", "locale", "de-DE"));

        MessageId french = herald.send(Map.of("to", Map.of("user_id", "amelie"), "template", "welcome"));
        assertThat(sentContent(email, french).get("text")).asString().startsWith("Salut Amélie. The Acme team");
        MessageId german = herald.send(Map.of("to", Map.of("user_id", "hans"), "template", "welcome"));
        assertThat(sentContent(email, german).get("text")).asString().startsWith("Hi Hans. The Acme team");
    }

    @Test
    void aBrandDeletedSinceTheSendIsLeftOut_theEmailIsStillSent() {
        MessageId id = herald.send(Map.of("to", Map.of("user_id", "alex"), "template", "welcome"));
        herald.brands.delete("acme");

        Map<String, Object> content = sentContent(email, id);
        assertThat(content.get("html")).isEqualTo("<p>Hi Alex, from  in </p>");
        assertThat(content.get("text")).isEqualTo("Hi Alex. ");
    }
}
