package io.herald.application.condition;

import com.google.protobuf.Timestamp;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.NullValue;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import io.herald.domain.shared.InvalidValueException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Automation conditions in CEL over {@link ConditionContext}. Expressions are checked when an automation is saved
 * (they must compile and be boolean), so at run time only evaluation can fail. Numbers compare across int and
 * double ({@code data.total > 100} holds for 149.99). Compiled programs are cached by their source.
 */
public final class Conditions {

    private static final int CACHE_LIMIT = 10_000;
    private static final Pattern EVALUATION_PREFIX = Pattern.compile("^evaluation error(?: at <input>:\\d+)?: ");
    private static final MapType JSON_OBJECT = MapType.create(SimpleType.STRING, SimpleType.DYN);

    private final Cel cel = CelFactory.legacyCelBuilder()
            .setOptions(CelOptions.current().enableHeterogeneousNumericComparisons(true).build())
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("data", JSON_OBJECT)
            .addVar("profile", JSON_OBJECT)
            .addVar("event", JSON_OBJECT)
            .addVar("refs", JSON_OBJECT)
            .addVar("now", SimpleType.TIMESTAMP)
            .setResultType(SimpleType.BOOL)
            .build();
    private final Map<String, CelRuntime.Program> cache = new ConcurrentHashMap<>();

    /** Refuses an expression that does not compile, or is not boolean, naming {@code where} and the position. */
    public void check(String expression, String where) {
        program(expression, where);
    }

    /**
     * @throws ConditionException when the expression cannot be evaluated against this context
     */
    public boolean holds(String expression, ConditionContext context, String where) {
        Instant now = context.now();
        Map<String, Object> variables = Map.of(
                "data", celValue(context.data()),
                "profile", celValue(context.profile()),
                "event", celValue(context.event()),
                "refs", celValue(context.refs()),
                "now", Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()).build());
        Object result;
        try {
            result = program(expression, where).eval(variables);
        } catch (CelEvaluationException e) {
            String reason = EVALUATION_PREFIX.matcher(String.valueOf(e.getMessage())).replaceFirst("");
            throw new ConditionException(where + " could not be evaluated: " + reason + hint(reason, expression));
        }
        if (!(result instanceof Boolean holds)) {
            throw new ConditionException(where + " evaluated to " + result + ", not to true or false");
        }
        return holds;
    }

    private CelRuntime.Program program(String expression, String where) {
        CelRuntime.Program cached = cache.get(expression);
        if (cached != null) {
            return cached;
        }
        try {
            CelRuntime.Program program = cel.createProgram(cel.compile(expression).getAst());
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(expression, program);
            return program;
        } catch (CelValidationException e) {
            throw new InvalidValueException(where + " is not a valid CEL expression: " + describe(e.getErrors()));
        } catch (CelEvaluationException e) {
            throw new InvalidValueException(where + " is not a valid CEL expression: " + e.getMessage());
        }
    }

    /** What to do about the errors people meet most, with the expression they come from. */
    private static String hint(String reason, String expression) {
        if (reason.startsWith("No matching overload")) {
            return " in '" + expression + "': its operands are of types that do not go together; JSON numbers arrive as int or"
                    + " double, so convert one side, e.g. double(data.total) > 100.0, or compare strings with strings";
        }
        return "";
    }

    private static String describe(List<CelIssue> issues) {
        if (issues.isEmpty()) {
            return "it does not compile";
        }
        CelIssue first = issues.get(0);
        String message = first.getMessage().replace(" (in container '')", "");
        if (first.getSourceLocation().getLine() < 1) {
            return message;
        }
        return message + " (line " + first.getSourceLocation().getLine() + ", column " + (first.getSourceLocation().getColumn() + 1) + ")";
    }

    /** JSON as read by any JSON library, in the types CEL evaluates: long and double numbers, CEL's null. */
    private static Object celValue(Object json) {
        if (json == null) {
            return NullValue.NULL_VALUE;
        }
        if (json instanceof Map<?, ?> object) {
            Map<String, Object> converted = new LinkedHashMap<>();
            object.forEach((key, value) -> converted.put(String.valueOf(key), celValue(value)));
            return converted;
        }
        if (json instanceof List<?> array) {
            List<Object> converted = new ArrayList<>(array.size());
            array.forEach(item -> converted.add(celValue(item)));
            return converted;
        }
        if (json instanceof Integer || json instanceof Long || json instanceof Short || json instanceof Byte) {
            return ((Number) json).longValue();
        }
        if (json instanceof BigInteger big) {
            return big.bitLength() < Long.SIZE ? (Object) big.longValue() : (Object) big.doubleValue();
        }
        if (json instanceof BigDecimal || json instanceof Float || json instanceof Double) {
            return ((Number) json).doubleValue();
        }
        return json;
    }
}
