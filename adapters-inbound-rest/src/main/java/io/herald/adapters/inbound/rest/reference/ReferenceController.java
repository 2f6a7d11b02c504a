package io.herald.adapters.inbound.rest.reference;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The API reference, open without a key: the OpenAPI 3 document generated at build time from this module's
 * controllers ({@code /openapi.yml}), and a page that renders it ({@code /docs}, Redoc from micronaut-openapi's own
 * copy, served from the jar).
 */
@Controller
final class ReferenceController {

    static final String DOCUMENT = "META-INF/swagger/herald.yml";
    static final String RENDERER = "META-INF/swagger/views/redoc/res/redoc.standalone.js";
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Herald API reference</title>
              <style>body { margin: 0; }</style>
            </head>
            <body>
              <redoc spec-url="/openapi.yml" hide-download-button="false" sort-tags-alphabetically="true"></redoc>
              <script src="/docs/redoc.standalone.js"></script>
            </body>
            </html>
            """;

    private final byte[] document = read(DOCUMENT);
    private final byte[] renderer = read(RENDERER);

    @Get("/openapi.yml")
    HttpResponse<byte[]> document() {
        return HttpResponse.ok(document).contentType(MediaType.of("application/yaml")).header("Cache-Control", "no-cache");
    }

    @Get("/docs")
    HttpResponse<String> page() {
        return HttpResponse.ok(PAGE).contentType(MediaType.TEXT_HTML_TYPE);
    }

    @Get("/docs/redoc.standalone.js")
    HttpResponse<byte[]> renderer() {
        return HttpResponse.ok(renderer).contentType(MediaType.of("application/javascript")).header("Cache-Control", "max-age=86400");
    }

    private static byte[] read(String resource) {
        try (InputStream in = ReferenceController.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar: the build generates it (micronaut-openapi)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
