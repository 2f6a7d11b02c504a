package io.herald.application.template;

import com.github.jknack.handlebars.EscapingStrategy;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.HandlebarsError;
import com.github.jknack.handlebars.HandlebarsException;
import com.github.jknack.handlebars.Template;
import io.herald.domain.routing.Channel;
import io.herald.domain.shared.InvalidValueException;
import io.herald.domain.template.Catalog;
import io.herald.domain.template.Content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.Matcher;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders content with Handlebars. The context has the send's {@code data} at the top level
 * ({@code {{first_name}}}) and the recipient's profile under {@code profile} ({@code {{profile.email}}}).
 * Email HTML is HTML-escaped; every other field (subjects, SMS, push, inbox) is plain text and is not.
 * Compiled templates are cached by their source.
 * <p>
 * Work is bounded (DESIGN §11): a field that renders to more than {@code maxRenderedBytes} stops there and is refused
 * (a loop over a large list, a partial repeated a million times); blocks nested deeper than {@code maxDepth}, and
 * inline partials that call themselves, are refused when the template is compiled, so they are refused at save.
 */
public final class TemplateRenderer {

    private static final int CACHE_LIMIT = 10_000;
    /** A block opens with {{#…}} or {{^name}} ({{^}} alone is an else) and closes with {{/…}}. */
    private static final Pattern BLOCK_TAG = Pattern.compile("\\{\\{~?\\s*(#|/|\\^(?=\\s*[^\\s}~]))");
    private static final Pattern INLINE_PARTIAL = Pattern.compile(
            "\\{\\{~?#\\*inline\\s+[\"']([^\"']+)[\"']\\s*~?}}(.*?)\\{\\{~?/inline\\s*~?}}", Pattern.DOTALL);
    private static final Pattern PARTIAL_CALL = Pattern.compile("\\{\\{~?#?>\\s*[\"']?([\\w./-]+)");

    private final int maxRenderedBytes;
    private final int maxDepth;

    /** Herald's defaults: 1 MB per rendered field, 64 levels of blocks. */
    public TemplateRenderer() {
        this(1024 * 1024, 64);
    }

    public TemplateRenderer(int maxRenderedBytes, int maxDepth) {
        this.maxRenderedBytes = maxRenderedBytes;
        this.maxDepth = maxDepth;
    }

    private final Handlebars html = new Handlebars().with(EscapingStrategy.HTML_ENTITY);
    private final ElementalRenderer elemental = new ElementalRenderer(this);
    private final Handlebars text = new Handlebars().with(EscapingStrategy.NOOP);
    private final Map<String, Template> htmlCache = new ConcurrentHashMap<>();
    private final Map<String, Template> textCache = new ConcurrentHashMap<>();

    /** Compiles every field of the template, refusing it with the field and position of the first error. */
    public void validate(io.herald.domain.template.Template template) {
        if (template.content().isPresent()) {
            elemental.validate(template.content().get(), "content");
            return;
        }
        template.channels().forEach((channel, fields) -> fields.forEach((field, value) -> {
            if (value instanceof String source) {
                compile(source, isHtml(channel, field), "channels." + channel.wireName() + "." + field);
            }
        }));
    }

    /** The rendered fields of one channel of a template. */
    public Map<String, Object> render(io.herald.domain.template.Template template, Channel channel, Map<String, Object> context) {
        return render(template, channel, context, Catalog.NONE);
    }

    /** The rendered fields of one channel of a template, each text the catalog translates in its locale. */
    public Map<String, Object> render(io.herald.domain.template.Template template, Channel channel, Map<String, Object> context, Catalog catalog) {
        if (template.content().isPresent()) {
            return elemental.render(template.content().get(), channel, context, "content", catalog);
        }
        Map<String, Object> rendered = new LinkedHashMap<>();
        template.channels().getOrDefault(channel, Map.of()).forEach((field, value) -> rendered.put(field,
                value instanceof String source
                        ? apply(catalog.translate(source), isHtml(channel, field), context, "channels." + channel.wireName() + "." + field)
                        : value));
        return rendered;
    }

    /**
     * Inline content ({@code title}, {@code body}) rendered for a channel: email gets a subject, a text body and
     * an HTML body; the other channels title and body.
     */
    public Map<String, Object> render(Content content, Channel channel, Map<String, Object> context) {
        return render(content, channel, context, Catalog.NONE);
    }

    public Map<String, Object> render(Content content, Channel channel, Map<String, Object> context, Catalog catalog) {
        if (content.elemental().isPresent()) {
            return elemental.render(content.elemental().get(), channel, context, "message.content", catalog);
        }
        String title = apply(catalog.translate(content.title()), false, context, "message.content.title");
        String body = apply(catalog.translate(content.body()), false, context, "message.content.body");
        Map<String, Object> rendered = new LinkedHashMap<>();
        switch (channel) {
            case EMAIL -> {
                rendered.put("subject", title);
                rendered.put("text", body);
                rendered.put("html", "<p>" + escapeHtml(body).replace("\n", "<br>") + "</p>");
            }
            case SMS -> rendered.put("body", title.isEmpty() ? body : title + "\n" + body);
            default -> {
                rendered.put("title", title);
                rendered.put("body", body);
            }
        }
        return rendered;
    }

    /** Checks inline content compiles (each Elemental string and condition too), naming the field if not. */
    public void validate(Content content) {
        if (content.elemental().isPresent()) {
            elemental.validate(content.elemental().get(), "message.content");
            return;
        }
        compile(content.title(), false, "message.content.title");
        compile(content.body(), false, "message.content.body");
    }

    /** Checks a plain-text Handlebars template compiles (a cancelation token, a URL), naming {@code where} if not. */
    public void validateText(String source, String where) {
        compile(source, false, where);
    }

    /** Renders a Handlebars template of HTML: values are HTML-escaped. */
    public String renderHtml(String source, Map<String, Object> context, String where) {
        return apply(source, true, context, where);
    }

    /** Renders a plain-text Handlebars template: nothing is escaped. */
    public String renderText(String source, Map<String, Object> context, String where) {
        return apply(source, false, context, where);
    }

    private String apply(String source, boolean escapeHtml, Map<String, Object> context, String where) {
        BoundedWriter out = new BoundedWriter(maxRenderedBytes);
        try {
            compile(source, escapeHtml, where).apply(context, out);
            return out.toString();
        } catch (BoundedWriter.TooLarge e) {
            throw new InvalidValueException(where + " renders to more than " + maxRenderedBytes + " bytes (herald.limits.render-bytes)");
        } catch (StackOverflowError e) {
            throw new InvalidValueException(where + " could not be rendered: its partials call each other without end");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (HandlebarsException e) {
            if (e.getCause() instanceof BoundedWriter.TooLarge) {
                throw new InvalidValueException(where + " renders to more than " + maxRenderedBytes + " bytes (herald.limits.render-bytes)");
            }
            throw new InvalidValueException(where + " could not be rendered: " + describe(e));
        }
    }

    /** Blocks nested too deep, or inline partials that call themselves: refused before Handlebars compiles them. */
    private void checkStructure(String source, String where) {
        int depth = 0;
        int deepest = 0;
        Matcher tag = BLOCK_TAG.matcher(source);
        while (tag.find()) {
            depth += tag.group(1).equals("/") ? -1 : 1;
            deepest = Math.max(deepest, depth);
            if (deepest > maxDepth) {
                throw new InvalidValueException(where + " nests blocks more than " + maxDepth + " deep (herald.limits.template-depth)");
            }
        }
        Map<String, java.util.Set<String>> calls = new LinkedHashMap<>();
        Matcher inline = INLINE_PARTIAL.matcher(source);
        while (inline.find()) {
            java.util.Set<String> called = new java.util.LinkedHashSet<>();
            Matcher call = PARTIAL_CALL.matcher(inline.group(2));
            while (call.find()) {
                called.add(call.group(1));
            }
            calls.put(inline.group(1), called);
        }
        for (String partial : calls.keySet()) {
            if (reaches(partial, partial, calls, new java.util.HashSet<>())) {
                throw new InvalidValueException(where + ": the inline partial '" + partial + "' calls itself, so it would never end");
            }
        }
    }

    private static boolean reaches(String from, String target, Map<String, java.util.Set<String>> calls, java.util.Set<String> seen) {
        for (String next : calls.getOrDefault(from, java.util.Set.of())) {
            if (next.equals(target) || (seen.add(next) && reaches(next, target, calls, seen))) {
                return true;
            }
        }
        return false;
    }

    private Template compile(String source, boolean escapeHtml, String where) {
        Map<String, Template> cache = escapeHtml ? htmlCache : textCache;
        Template cached = cache.get(source);
        if (cached != null) {
            return cached;
        }
        checkStructure(source, where);
        try {
            Template compiled = (escapeHtml ? html : text).compileInline(source);
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(source, compiled);
            return compiled;
        } catch (HandlebarsException e) {
            throw new InvalidValueException(where + " is not a valid Handlebars template: " + describe(e));
        } catch (StackOverflowError e) {
            throw new InvalidValueException(where + " is nested too deeply to compile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(HandlebarsException e) {
        HandlebarsError error = e.getError();
        if (error == null) {
            return String.valueOf(e.getMessage());
        }
        return error.reason + " (line " + error.line + ", column " + error.column + ")";
    }

    private static boolean isHtml(Channel channel, String field) {
        return channel == Channel.EMAIL && field.equals("html");
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
