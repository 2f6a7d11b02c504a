package io.herald.adapters.inbound.web.template;

import io.herald.adapters.inbound.web.message.OutputView;
import io.herald.adapters.inbound.web.page.Shell;

import java.util.List;

/**
 * The editor: the template as the API's JSON (the body of {@code PUT /templates/{id}}), sample data and a profile
 * to render it for, and the preview.
 *
 * @param isNew     no template of this id is saved yet
 * @param saved     the page follows a successful save
 * @param preview   what each channel renders to, or the error that stops it
 */
public record TemplateEditorPage(Shell shell, String id, boolean isNew, boolean saved, String body, String data, String profileUserId,
                                 Preview preview) {

    /** @param error empty when the draft renders; else where and why it does not */
    public record Preview(String error, List<OutputView> outputs, String note) {
    }
}
