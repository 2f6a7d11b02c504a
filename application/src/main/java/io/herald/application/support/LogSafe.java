package io.herald.application.support;

import java.util.regex.Pattern;

/**
 * Text on its way into a log line above DEBUG: provider errors and database messages can quote an address, so
 * email addresses and phone numbers are masked ({@code a***@example.org}, {@code +1555***00}) and the text is
 * kept to one short line.
 */
public final class LogSafe {

    private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+)");
    private static final Pattern PHONE = Pattern.compile("(\\+?\\d{3})[\\d ().-]{4,}(\\d{2})");
    private static final int MAX_LENGTH = 300;

    private LogSafe() {
    }

    public static String redact(String text) {
        if (text == null) {
            return "";
        }
        String masked = PHONE.matcher(EMAIL.matcher(text).replaceAll("$1***@$2")).replaceAll("$1***$2");
        String line = masked.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 1) + "…";
    }

    /**
     * A failure for a log line: the chain of its exception types, without their messages, which can quote a request
     * (a database error quotes the value it refused).
     */
    public static String describe(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 6; depth++, current = current.getCause()) {
            chain.append(depth == 0 ? "" : " <- ").append(current.getClass().getSimpleName());
        }
        return chain.toString();
    }

    /** An address for a log line: its first and last two characters. */
    public static String mask(String address) {
        if (address == null || address.length() < 6) {
            return "***";
        }
        int at = address.indexOf('@');
        if (at > 0) {
            return address.charAt(0) + "***" + address.substring(at);
        }
        return address.substring(0, 2) + "***" + address.substring(address.length() - 2);
    }
}
