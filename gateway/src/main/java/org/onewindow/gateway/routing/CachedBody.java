package org.onewindow.gateway.routing;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.ByteArrayInputStream;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * Routing by matter code reads the application body (the readBody predicate caches it); the proxy
 * sends what the servlet input stream holds, so the cached bytes are put back before proxying.
 */
final class CachedBody {
    private CachedBody() {}

    static ServerRequest replay(ServerRequest request) {
        ByteArrayInputStream cached = MvcUtils.getAttribute(request, MvcUtils.CACHED_REQUEST_BODY_ATTR);
        if (cached == null) {
            return request;
        }
        cached.reset();
        byte[] bytes = cached.readAllBytes();
        cached.reset();
        return ServerRequest.create(new Replayed(request.servletRequest(), bytes), request.messageConverters());
    }

    /** Bytes as a servlet stream; the body is never larger than the configured request limit. */
    static ByteArrayInputStream rewound(ServerRequest request) {
        ByteArrayInputStream body = MvcUtils.getOrCacheBody(request);
        body.reset();
        return body;
    }

    private static final class Replayed extends HttpServletRequestWrapper {
        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }
    }
}
