package io.herald.adapters.inbound.web.page;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

/**
 * Renders the console's jte templates, compiled into this module at build time (a template that does not type-check
 * against its view model fails the build), and marks every page as the console's: not cached, not framed elsewhere,
 * scripts and styles from the jar only.
 */
@Singleton
public final class Pages {

    private static final MediaType HTML = MediaType.of("text/html;charset=utf-8");
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "frame-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /**
     * A page that frames a draft email inline ({@code srcdoc}): a framed document of the page's own inherits the page's
     * policy, so the email's inline styles need it to allow them. The frame is sandboxed (no script), and images still
     * load only from the jar or as data, so no tracking pixel is fetched.
     */
    static final String POLICY_FRAMING_DRAFTS = POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    /** The page {@code template} (a path under src/main/jte) for {@code model}, its one parameter. */
    public MutableHttpResponse<String> render(String template, Object model) {
        return render(template, model, POLICY);
    }

    /** A page that shows draft emails in a frame of its own: see {@link #POLICY_FRAMING_DRAFTS}. */
    public MutableHttpResponse<String> renderFramingDrafts(String template, Object model) {
        return render(template, model, POLICY_FRAMING_DRAFTS);
    }

    private MutableHttpResponse<String> render(String template, Object model, String policy) {
        StringOutput output = new StringOutput();
        engine.render(template, model, output);
        return HttpResponse.ok(output.toString()).contentType(HTML)
                .header("Content-Security-Policy", policy)
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
    }

    /** htmx asks for the fragment of a page when it swaps part of it; a plain request gets the whole page. */
    public static boolean wantsFragment(HttpRequest<?> request) {
        return request.getHeaders().contains("HX-Request") && !request.getHeaders().contains("HX-Boosted");
    }
}
