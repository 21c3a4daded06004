package io.github.iscworkflows.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;

/** Response bodies as text, read with a size limit so that an endless or huge answer cannot fill the heap. */
final class ResponseBodies {

    private ResponseBodies() {}

    /** Reads the body as text in its declared charset (UTF-8 when none), failing beyond {@code limit} bytes. */
    static String read(HttpEntity entity, long limit) throws IOException {
        if (entity == null) {
            return "";
        }
        if (entity.getContentLength() > limit) {
            throw new ResponseLimitException.TooLarge(limit);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = entity.getContent()) {
            if (in != null) {
                byte[] buffer = new byte[8192];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    if (bytes.size() + (long) n > limit) {
                        throw new ResponseLimitException.TooLarge(limit);
                    }
                    bytes.write(buffer, 0, n);
                }
            }
        }
        Charset charset = StandardCharsets.UTF_8;
        if (entity.getContentType() != null) {
            try {
                Charset declared = ContentType.parse(entity.getContentType()).getCharset();
                if (declared != null) {
                    charset = declared;
                }
            } catch (RuntimeException unsupported) {
                // an unknown charset name: read as UTF-8
            }
        }
        return bytes.toString(charset);
    }
}
