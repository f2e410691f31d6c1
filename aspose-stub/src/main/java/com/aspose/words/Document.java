package com.aspose.words;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * Stub of aspose-words' Document: every member throws, and Cobalt catches Throwable around it, so document
 * messages report one page and no thumbnail instead of breaking the login path.
 */
public class Document {

    public Document(InputStream in) {
        throw unsupported();
    }

    public int getPageCount() {
        throw unsupported();
    }

    public SaveOutputParameters save(OutputStream out, SaveOptions options) {
        throw unsupported();
    }

    static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("aspose-words is not shipped with Blacksky (stub)");
    }
}
