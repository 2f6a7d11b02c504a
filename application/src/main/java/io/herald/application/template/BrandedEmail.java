package io.herald.application.template;

import io.herald.domain.brand.Brand;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Lays a rendered email out in its brand: a bar in the brand's colour, the logo (linked when the brand gives a link),
 * the content, then the footer, in table markup with inline styles because that is what mail clients render alike.
 * A template whose HTML is a whole document ({@code <body>}) keeps its own layout: the header goes in after its
 * {@code <body>}, the footer before {@code </body>}, the brand's head markup before {@code </head>}. The text part
 * gets the footer after a signature line. Subject and other fields are left as they are.
 */
public final class BrandedEmail {

    private static final String FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif";

    private BrandedEmail() {
    }

    /** The email fields with the brand applied; {@code footer} is the brand's footer already rendered as text. */
    public static Map<String, Object> apply(Map<String, Object> email, Brand brand, String footer) {
        Brand.EmailLook look = brand.emailLook();
        Map<String, Object> branded = new LinkedHashMap<>(email);
        if (email.get("html") instanceof String html) {
            branded.put("html", html(html, brand, look, footer));
        }
        if (email.get("text") instanceof String text && !footer.isEmpty()) {
            branded.put("text", text + "\n\n-- \n" + footer);
        }
        return branded;
    }

    private static String html(String content, Brand brand, Brand.EmailLook look, String footer) {
        String header = header(brand, look);
        String footerHtml = footer.isEmpty() ? "" : "<div style=\"margin-top:24px;padding-top:16px;border-top:1px solid #e5e7eb;"
                + "font-family:" + FONT + ";font-size:12px;line-height:1.5;color:#6b7280\">" + escape(footer).replace("\n", "<br>") + "</div>";
        String head = look.head().orElse("");
        String lower = content.toLowerCase(Locale.ROOT);
        int body = lower.indexOf("<body");
        if (body >= 0) {
            int bodyOpened = lower.indexOf('>', body) + 1;
            int bodyClosed = lower.lastIndexOf("</body>");
            int headClosed = lower.indexOf("</head>");
            StringBuilder document = new StringBuilder(content);
            if (bodyClosed > bodyOpened) {
                document.insert(bodyClosed, footerHtml);
            }
            document.insert(bodyOpened, header);
            if (headClosed >= 0 && headClosed < body) {
                document.insert(headClosed, head);
            }
            return document.toString();
        }
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                + "<title>" + escape(brand.name()) + "</title>" + head + "</head>"
                + "<body style=\"margin:0;padding:0;background:#f3f4f6\">"
                + "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"background:#f3f4f6\"><tr>"
                + "<td align=\"center\" style=\"padding:24px 12px\">"
                + "<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" "
                + "style=\"width:100%;max-width:600px;background:#ffffff;border-radius:6px\">"
                + "<tr><td style=\"padding:0\">" + header + "</td></tr>"
                + "<tr><td style=\"padding:24px 32px;font-family:" + FONT + ";font-size:15px;line-height:1.6;color:#111827\">"
                + content + footerHtml + "</td></tr>"
                + "</table></td></tr></table></body></html>";
    }

    private static String header(Brand brand, Brand.EmailLook look) {
        StringBuilder header = new StringBuilder();
        look.barColour().ifPresent(colour -> header.append("<div style=\"height:6px;background:").append(colour)
                .append(";border-radius:6px 6px 0 0\"></div>"));
        look.logoImage().ifPresent(image -> {
            String img = "<img src=\"" + escape(image) + "\" alt=\"" + escape(brand.name()) + "\" height=\"40\" style=\"height:40px;border:0\">";
            header.append("<div style=\"padding:24px 32px 0\">")
                    .append(look.logoHref().map(href -> "<a href=\"" + escape(href) + "\">" + img + "</a>").orElse(img))
                    .append("</div>");
        });
        return header.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
