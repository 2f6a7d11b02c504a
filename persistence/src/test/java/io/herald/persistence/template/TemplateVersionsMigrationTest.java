package io.herald.persistence.template;

import io.herald.domain.template.Template;
import io.herald.persistence.support.JsonTextAccess;
import io.herald.testsupport.SharedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upgrading a database that has templates (V18): each becomes version 1, published, with a draft equal to it, and
 * both read back as the template they were.
 */
class TemplateVersionsMigrationTest {

    @Test
    void existingTemplatesBecomeVersionOneWithADraftEqualToIt() throws Exception {
        DataSource database = SharedPostgres.freshDatabase("template_versions_upgrade");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target("17").load().migrate();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO templates (template_id, name, topic, events, routing, channels, definition_format)
                    VALUES ('welcome', 'Welcome', 'onboarding', ARRAY['Signed Up'],
                            '{"method": "single", "channels": ["email"]}', '{"email": {"subject": "Hi {{name}}"}}', 1)""");
        }
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();

        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            ResultSet published = statement.executeQuery("SELECT version FROM templates WHERE template_id = 'welcome'");
            assertThat(published.next()).isTrue();
            assertThat(published.getInt(1)).isEqualTo(1);
            for (String table : new String[] {"template_versions", "template_drafts"}) {
                ResultSet row = statement.executeQuery("SELECT definition::text FROM " + table + " WHERE template_id = 'welcome'");
                assertThat(row.next()).as(table).isTrue();
                Template template = Template.parse("welcome", JsonTextAccess.object(row.getString(1)));
                assertThat(template.name()).isEqualTo("Welcome");
                assertThat(template.topic()).contains("onboarding");
                assertThat(template.events()).containsExactly("Signed Up");
                assertThat(template.channels().values()).containsExactly(Map.of("subject", "Hi {{name}}"));
            }
            ResultSet draft = statement.executeQuery("SELECT has_changes FROM template_drafts WHERE template_id = 'welcome'");
            assertThat(draft.next()).isTrue();
            assertThat(draft.getBoolean(1)).isFalse();
        }
    }
}
