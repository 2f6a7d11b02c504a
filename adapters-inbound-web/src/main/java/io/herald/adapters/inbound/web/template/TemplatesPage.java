package io.herald.adapters.inbound.web.template;

import io.herald.adapters.inbound.web.page.Shell;

import java.util.List;

/** Every template, a page at a time, and the form that starts a new one. */
public record TemplatesPage(Shell shell, List<Row> rows, String nextPage) {

    public record Row(String id, String name, String events, String channels, String topic) {
    }
}
