package io.herald.application.template;

import io.herald.application.condition.ConditionContext;
import io.herald.application.condition.ConditionException;
import io.herald.application.condition.Conditions;
import io.herald.domain.json.JsonTrees;
import io.herald.domain.routing.Channel;
import io.herald.domain.shared.InvalidValueException;
import io.herald.domain.template.Catalog;
import io.herald.domain.template.Elemental;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders Elemental content for one channel, through {@link TemplateRenderer}'s Handlebars: email gets a subject (the
 * {@code meta} title), HTML in inline-styled blocks and a text part; SMS a body; push and inbox a title and body (the
 * inbox also the first action's link as {@code action_url}). An element shows on a channel when its {@code channels}
 * name it (or it names none) and its {@code if} holds (CEL over {@code data} and {@code profile}). A {@code channel}
 * element shows only on its channel: its elements join the others, or its {@code raw} fields are the whole content for
 * that channel. Text takes a little Markdown: {@code **bold**}, {@code *italic*}, {@code [label](url)}.
 */
final class ElementalRenderer {

    private static final String FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif";
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Pattern ITALIC = Pattern.compile("(?<![*\\w])\\*(?!\\s)([^*]+?)\\*(?![*\\w])");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(([^)\\s]+)\\)");

    private final TemplateRenderer strings;
    private volatile Conditions conditions;

    ElementalRenderer(TemplateRenderer strings) {
        this.strings = strings;
    }

    /** One shown element, in document order, as rendered for the channel. */
    private record Block(String type, Map<String, Object> element) {
    }

    void validate(Elemental content, String where) {
        for (Elemental.Located text : content.texts(where)) {
            strings.validateText(text.text(), text.where());
        }
        for (Elemental.Located condition : content.conditions(where)) {
            conditions().check(condition.text(), condition.where());
        }
    }

    Map<String, Object> render(Elemental content, Channel channel, Map<String, Object> context, String where, Catalog catalog) {
        Texts texts = new Texts(context, catalog);
        List<Block> blocks = new ArrayList<>();
        Optional<Map<String, Object>> raw = collect(content.elements(), channel, context, where + ".elements", blocks);
        if (raw.isPresent()) {
            Map<String, Object> rendered = new LinkedHashMap<>();
            raw.get().forEach((field, value) -> rendered.put(field, value instanceof String source
                    ? (channel == Channel.EMAIL && field.equals("html") ? strings.renderHtml(catalog.translate(source), context, where + ".raw." + field)
                            : strings.renderText(catalog.translate(source), context, where + ".raw." + field))
                    : value));
            return rendered;
        }
        String title = blocks.stream().filter(block -> block.type().equals("meta")).findFirst()
                .map(block -> text(block, "title", texts)).orElse("");
        List<Block> body = blocks.stream().filter(block -> !block.type().equals("meta")).toList();
        Map<String, Object> rendered = new LinkedHashMap<>();
        switch (channel) {
            case EMAIL -> {
                rendered.put("subject", title);
                rendered.put("html", html(body, texts));
                rendered.put("text", plain(body, texts, "\n\n"));
            }
            case SMS -> rendered.put("body", plain(body, texts, "\n\n"));
            case PUSH -> {
                rendered.put("title", title);
                rendered.put("body", plain(body.stream().filter(block -> !block.type().equals("action")).toList(), texts, "\n"));
            }
            case INBOX -> {
                rendered.put("title", title);
                rendered.put("body", plain(body.stream().filter(block -> !block.type().equals("action")).toList(), texts, "\n\n"));
                body.stream().filter(block -> block.type().equals("action")).findFirst()
                        .ifPresent(action -> rendered.put("action_url", text(action, "href", texts)));
            }
        }
        return rendered;
    }

    /** The shown elements, groups and channel elements opened; a channel element's raw content when one is shown. */
    @SuppressWarnings("unchecked")
    private Optional<Map<String, Object>> collect(List<Map<String, Object>> elements, Channel channel, Map<String, Object> context,
                                                  String where, List<Block> blocks) {
        Optional<String> locale = context.get("profile") instanceof Map<?, ?> profile && profile.get("locale") instanceof String tag
                && !tag.isBlank() ? Optional.of(tag) : Optional.empty();
        for (int i = 0; i < elements.size(); i++) {
            Map<String, Object> element = Elemental.localised(elements.get(i), locale);
            String at = where + "[" + i + "]";
            if (!shows(element, channel, context, at)) {
                continue;
            }
            String type = (String) element.get("type");
            if (type.equals("channel")) {
                if (!Channel.parse(element.get("channel"), at + ".channel").equals(channel)) {
                    continue;
                }
                if (element.get("raw") instanceof Map<?, ?> raw) {
                    return Optional.of((Map<String, Object>) raw);
                }
            }
            if (type.equals("group") || type.equals("channel")) {
                Optional<Map<String, Object>> raw = collect((List<Map<String, Object>>) element.get("elements"), channel, context,
                        at + ".elements", blocks);
                if (raw.isPresent()) {
                    return raw;
                }
                continue;
            }
            blocks.add(new Block(type, element));
        }
        return Optional.empty();
    }

    private boolean shows(Map<String, Object> element, Channel channel, Map<String, Object> context, String where) {
        if (element.get("channels") instanceof List<?> channels && !channels.isEmpty()
                && channels.stream().noneMatch(name -> channel.wireName().equalsIgnoreCase(String.valueOf(name)))) {
            return false;
        }
        if (!(element.get("if") instanceof String condition) || condition.isBlank()) {
            return true;
        }
        Map<String, Object> data = new LinkedHashMap<>(context);
        Object profile = data.remove("profile");
        data.remove("brand");
        try {
            return conditions().holds(condition, new ConditionContext(data,
                    profile instanceof Map<?, ?> map ? JsonTrees.asObject(map) : Map.of(), Map.of(), Map.of(), Instant.now()), where + ".if");
        } catch (ConditionException e) {
            throw new InvalidValueException(e.getMessage());
        }
    }

    /** The send's variables and the locale's catalog, for the texts of one rendering. */
    private record Texts(Map<String, Object> context, Catalog catalog) {
    }

    private String text(Block block, String field, Texts texts) {
        return block.element().get(field) instanceof String source
                ? strings.renderText(texts.catalog().translate(source), texts.context(), "content." + field) : "";
    }

    private String plain(List<Block> blocks, Texts context, String separator) {
        List<String> parts = new ArrayList<>();
        for (Block block : blocks) {
            String part = switch (block.type()) {
                case "text", "quote" -> unmark(text(block, "content", context));
                case "action" -> text(block, "content", context) + ": " + text(block, "href", context);
                case "image" -> text(block, "alt_text", context);
                case "divider" -> "---";
                default -> "";
            };
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return String.join(separator, parts);
    }

    private String html(List<Block> blocks, Texts context) {
        StringBuilder html = new StringBuilder();
        for (Block block : blocks) {
            Map<String, Object> element = block.element();
            String align = element.get("align") instanceof String given && !given.equals("full") ? given : "left";
            switch (block.type()) {
                case "text" -> {
                    String style = switch (String.valueOf(element.getOrDefault("text_style", "text"))) {
                        case "h1" -> "font-size:24px;line-height:1.3;font-weight:700;margin:0 0 16px";
                        case "h2" -> "font-size:18px;line-height:1.4;font-weight:600;margin:0 0 12px";
                        case "subtext" -> "font-size:12px;line-height:1.5;color:#6b7280;margin:0 0 12px";
                        default -> "font-size:15px;line-height:1.6;margin:0 0 16px";
                    };
                    String tag = switch (String.valueOf(element.getOrDefault("text_style", "text"))) {
                        case "h1" -> "h1";
                        case "h2" -> "h2";
                        default -> "p";
                    };
                    html.append('<').append(tag).append(" style=\"").append(style).append(";text-align:").append(align)
                            .append(decoration(element)).append("\">").append(markup(text(block, "content", context))).append("</").append(tag)
                            .append('>');
                }
                case "quote" -> html.append("<blockquote style=\"margin:0 0 16px;padding:8px 16px;border-left:4px solid ")
                        .append(element.getOrDefault("border_color", "#d1d5db")).append(";color:#374151;text-align:").append(align).append("\">")
                        .append(markup(text(block, "content", context))).append("</blockquote>");
                case "action" -> {
                    String label = escape(text(block, "content", context));
                    String href = escape(safeUrl(text(block, "href", context)));
                    if ("link".equals(element.get("style"))) {
                        html.append("<p style=\"margin:0 0 16px;text-align:").append(align).append("\"><a href=\"").append(href)
                                .append("\" style=\"color:").append(element.getOrDefault("color", "#1f6feb")).append("\">").append(label)
                                .append("</a></p>");
                    } else {
                        String margins = switch (align) {
                            case "center" -> "margin:0 auto 16px";
                            case "right" -> "margin:0 0 16px auto";
                            default -> "margin:0 0 16px";
                        };
                        html.append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" style=\"").append(margins)
                                .append("\"><tr><td style=\"border-radius:6px;background:")
                                .append(element.getOrDefault("background_color", accent(context))).append("\"><a href=\"").append(href)
                                .append("\" style=\"display:inline-block;padding:10px 20px;font-family:").append(FONT)
                                .append(";font-size:15px;font-weight:600;color:").append(element.getOrDefault("color", "#ffffff"))
                                .append(";text-decoration:none\">").append(label).append("</a></td></tr></table>");
                    }
                }
                case "image" -> {
                    String img = "<img src=\"" + escape(safeUrl(text(block, "src", context))) + "\" alt=\"" + escape(text(block, "alt_text", context))
                            + "\"" + (element.get("width") instanceof String width ? " width=\"" + escape(width) + "\"" : "")
                            + " style=\"max-width:100%;height:auto;border:0\">";
                    String href = text(block, "href", context);
                    html.append("<div style=\"margin:0 0 16px;text-align:").append(align).append("\">")
                            .append(href.isEmpty() ? img : "<a href=\"" + escape(safeUrl(href)) + "\">" + img + "</a>").append("</div>");
                }
                case "divider" -> html.append("<hr style=\"border:0;border-top:1px solid ").append(element.getOrDefault("color", "#e5e7eb"))
                        .append(";margin:24px 0\">");
                case "html" -> html.append(strings.renderHtml(context.catalog().translate((String) element.get("content")), context.context(),
                        "content.html"));
                default -> {
                    // meta is the subject; groups and channels were opened by collect
                }
            }
        }
        return html.toString();
    }

    /** A button's colour when it names none: the brand's primary colour (a hex colour, checked with the brand), else blue. */
    private static String accent(Texts texts) {
        if (texts.context().get("brand") instanceof Map<?, ?> brand && brand.get("colors") instanceof Map<?, ?> colours
                && colours.get("primary") instanceof String primary && primary.matches("#[0-9a-fA-F]{3,8}")) {
            return primary;
        }
        return "#1f6feb";
    }

    private static String decoration(Map<String, Object> element) {
        StringBuilder style = new StringBuilder();
        if (element.get("color") instanceof String colour) {
            style.append(";color:").append(colour);
        }
        if (Boolean.TRUE.equals(element.get("bold"))) {
            style.append(";font-weight:700");
        }
        if (Boolean.TRUE.equals(element.get("italic"))) {
            style.append(";font-style:italic");
        }
        boolean underline = Boolean.TRUE.equals(element.get("underline"));
        boolean strike = Boolean.TRUE.equals(element.get("strikethrough"));
        if (underline || strike) {
            style.append(";text-decoration:").append(underline ? "underline" : "").append(underline && strike ? " " : "")
                    .append(strike ? "line-through" : "");
        }
        return style.toString();
    }

    /** Escaped text with its Markdown marks as HTML; new lines as line breaks. */
    private static String markup(String text) {
        String html = escape(text);
        Matcher link = LINK.matcher(html);
        StringBuilder linked = new StringBuilder();
        while (link.find()) {
            link.appendReplacement(linked, Matcher.quoteReplacement("<a href=\"" + safeUrl(link.group(2)) + "\" style=\"color:#1f6feb\">"
                    + link.group(1) + "</a>"));
        }
        link.appendTail(linked);
        html = BOLD.matcher(linked.toString()).replaceAll("<strong>$1</strong>");
        html = ITALIC.matcher(html).replaceAll("<em>$1</em>");
        return html.replace("\n", "<br>");
    }

    /** The text without Markdown marks, a link as {@code label (url)}. */
    private static String unmark(String text) {
        String plain = LINK.matcher(text).replaceAll("$1 ($2)");
        plain = BOLD.matcher(plain).replaceAll("$1");
        return ITALIC.matcher(plain).replaceAll("$1");
    }

    /** Only links a mail client should follow: http(s), mailto, tel and relative ones; anything else becomes {@code #}. */
    private static String safeUrl(String url) {
        String lower = url.trim().toLowerCase(Locale.ROOT);
        boolean safe = lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:") || lower.startsWith("tel:")
                || lower.startsWith("/") || lower.startsWith("#");
        return safe ? url.trim() : "#";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** CEL is built on the first content that needs it. */
    private Conditions conditions() {
        Conditions built = conditions;
        if (built == null) {
            synchronized (this) {
                built = conditions;
                if (built == null) {
                    built = new Conditions();
                    conditions = built;
                }
            }
        }
        return built;
    }
}
