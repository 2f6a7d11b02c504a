package io.herald.persistence.support;

import io.herald.application.port.out.AutomationRepository;
import io.herald.application.port.out.TemplateRepository;
import io.herald.domain.automation.Automation;
import io.herald.domain.template.Template;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stored API JSON carries its format (ADR 0007): rows are written in the current one; a newer one is refused. */
@MicronautTest(startApplication = false, transactional = false)
class StoredFormatTest implements PostgresTest {

    @Inject
    TemplateRepository templates;

    @Inject
    AutomationRepository automations;

    @Inject
    TransactionOperations<Connection> transactions;

    @BeforeEach
    void empty() {
        SharedPostgres.truncateAllTables();
    }

    @Test
    void rowsAreWrittenInTheCurrentFormat() {
        templates.save(Template.parse("welcome", Map.of("channels", Map.of("email", Map.of("subject", "Hi", "text", "Hello")))));
        automations.save(Automation.parse("onboarding", Map.of("steps", List.of(Map.of("action", "delay", "duration", "PT1H")))));

        assertThat(number("SELECT definition_format FROM templates")).isEqualTo(StoredFormat.TEMPLATE.current());
        assertThat(number("SELECT definition_format FROM automations")).isEqualTo(StoredFormat.AUTOMATION.current());
        assertThat(templates.find("welcome")).isPresent();
        assertThat(automations.find("onboarding")).isPresent();
    }

    @Test
    void aRowInANewerFormatIsRefusedSayingSo() {
        templates.save(Template.parse("welcome", Map.of("channels", Map.of("email", Map.of("subject", "Hi", "text", "Hello")))));
        execute("UPDATE templates SET definition_format = " + (StoredFormat.TEMPLATE.current() + 1));

        assertThatThrownBy(() -> templates.find("welcome")).hasMessageContaining("template welcome is stored in format 2")
                .hasMessageContaining("newer Herald");
    }

    private int number(String sql) {
        return transactions.executeRead(status -> {
            try (Statement statement = status.getConnection().createStatement(); var rows = statement.executeQuery(sql)) {
                rows.next();
                return rows.getInt(1);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void execute(String sql) {
        transactions.executeWrite(status -> {
            try (Statement statement = status.getConnection().createStatement()) {
                return statement.executeUpdate(sql);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
