package io.herald.adapters.inbound.web.embed;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code GET /embed/herald-inbox.js}: the {@code <herald-inbox>} web component (DESIGN §13), read from the jar once.
 * Browsers and CDNs may keep it an hour and then revalidate it by its ETag, so a Herald upgrade reaches pages within
 * the hour without a reload storm. It needs no credential: the element carries the user's client token.
 */
@Controller("/embed")
class EmbedController {

    static final String SCRIPT = "herald-inbox.js";
    private static final MediaType JAVASCRIPT = MediaType.of("text/javascript;charset=utf-8");

    private final byte[] script;
    private final String etag;

    EmbedController() {
        try (InputStream in = EmbedController.class.getResourceAsStream("/embed/" + SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("embed/" + SCRIPT + " is missing from the jar");
            }
            this.script = in.readAllBytes();
            this.etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(script)).substring(0, 16) + "\"";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Get("/" + SCRIPT)
    HttpResponse<byte[]> inbox(@Nullable @Header("If-None-Match") String ifNoneMatch) {
        if (etag.equals(ifNoneMatch)) {
            return HttpResponse.<byte[]>status(HttpStatus.NOT_MODIFIED).header("ETag", etag);
        }
        return HttpResponse.ok(script).contentType(JAVASCRIPT).header("ETag", etag)
                .header("Cache-Control", "public, max-age=3600").header("X-Content-Type-Options", "nosniff");
    }
}
