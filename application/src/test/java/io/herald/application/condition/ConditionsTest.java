package io.herald.application.condition;

import io.herald.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConditionsTest {

    /** DESIGN.md §8: the reminder only if the welcome email is unopened and the user is not active. */
    private static final String REMINDER = "refs.welcome.status != \"OPENED\" && "
            + "!(has(profile.last_active_at) && timestamp(profile.last_active_at) > now - duration(\"15m\"))";
    private static final Instant NOW = Instant.parse("2026-03-01T11:00:00Z");

    private final Conditions conditions = new Conditions();

    private static ConditionContext context(String welcomeStatus, Map<String, Object> profile) {
        return new ConditionContext(Map.of(), profile, Map.of(),
                Map.of("welcome", Map.of("id", "m1", "status", welcomeStatus, "opened", welcomeStatus.equals("OPENED"))), NOW);
    }

    private static Map<String, Object> activeAt(Instant when) {
        return Map.of("last_active_at", when.toString());
    }

    private boolean holds(String expression, Map<String, Object> data) {
        return conditions.holds(expression, new ConditionContext(data, Map.of(), Map.of(), Map.of(), NOW), "if");
    }

    @Test
    void theReminderConditionOfTheDesignHoldsOnlyForAnUnopenedEmailAndAnInactiveUser() {
        assertThat(conditions.holds(REMINDER, context("SENT", activeAt(NOW.minus(Duration.ofHours(2)))), "if")).isTrue();
        assertThat(conditions.holds(REMINDER, context("DELIVERED", Map.of()), "if")).as("never seen active").isTrue();
        assertThat(conditions.holds(REMINDER, context("OPENED", activeAt(NOW.minus(Duration.ofHours(2)))), "if")).isFalse();
        assertThat(conditions.holds(REMINDER, context("SENT", activeAt(NOW.minus(Duration.ofMinutes(10)))), "if")).isFalse();
    }

    @Test
    void numbersCompareWhateverTheJsonLibraryReadThemAs() {
        assertThat(holds("data.total >= 100", Map.of("total", 149.99))).isTrue();
        assertThat(holds("data.total >= 100", Map.of("total", 50))).isFalse();
        assertThat(holds("data.total >= 100.0", Map.of("total", 100L))).isTrue();
        assertThat(holds("data.total == 149.99", Map.of("total", new BigDecimal("149.99")))).isTrue();
        assertThat(holds("data.items.size() == 2 && data.items[0].sku == \"A\"",
                Map.of("items", List.of(Map.of("sku", "A"), Map.of("sku", "B"))))).isTrue();
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("coupon", null);
        assertThat(holds("data.coupon == null", withNull)).isTrue();
    }

    @Test
    void theEventAndNowAreThere() {
        ConditionContext context = new ConditionContext(Map.of(), Map.of(),
                Map.of("name", "Order Completed", "properties", Map.of("total", 20)), Map.of(), NOW);

        assertThat(conditions.holds("event.name == \"Order Completed\" && event.properties.total < 100", context, "trigger.if")).isTrue();
        assertThat(conditions.holds("now == timestamp(\"2026-03-01T11:00:00Z\")", context, "if")).isTrue();
    }

    @Test
    void anExpressionThatDoesNotCompileIsRefusedWithWhereAndThePosition() {
        assertThatThrownBy(() -> conditions.check("data.plan == \"pro\" && vip", "steps[3].if")).isInstanceOf(InvalidValueException.class)
                .hasMessage("steps[3].if is not a valid CEL expression: undeclared reference to 'vip' (line 1, column 23)");
        assertThatThrownBy(() -> conditions.check("\"yes\"", "trigger.if"))
                .hasMessageStartingWith("trigger.if is not a valid CEL expression: expected type 'bool' but found 'string'");
    }

    @Test
    void anExpressionThatCannotBeEvaluatedSaysWhy() {
        assertThatThrownBy(() -> holds("data.total > 100", Map.of())).isInstanceOf(ConditionException.class)
                .hasMessage("if could not be evaluated: key 'total' is not present in map.");
        assertThatThrownBy(() -> holds("data.flag", Map.of("flag", "yes"))).isInstanceOf(ConditionException.class)
                .hasMessage("if evaluated to yes, not to true or false");
        assertThat(holds("has(data.total) && data.total > 100", Map.of())).as("has() tests an optional key").isFalse();
    }

    @Test
    void aTypeMismatchAtRunTimeNamesTheExpressionAndHowToFixIt() {
        assertThatThrownBy(() -> holds("data.plan > 5", Map.of("plan", "pro")))
                .isInstanceOf(ConditionException.class)
                .hasMessageStartingWith("if could not be evaluated: No matching overload")
                .hasMessageContaining("in 'data.plan > 5'")
                .hasMessageContaining("double(data.total) > 100.0");
    }
}
