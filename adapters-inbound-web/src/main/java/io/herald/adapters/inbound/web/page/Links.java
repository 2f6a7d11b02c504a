package io.herald.adapters.inbound.web.page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Values in the console's links: cursors are opaque to the console, so they are encoded like any other value. */
public final class Links {

    private Links() {
    }

    public static String param(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
