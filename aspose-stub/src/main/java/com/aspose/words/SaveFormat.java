package com.aspose.words;

/** Stub of aspose-words' SaveFormat: the one constant Cobalt reads (aspose's value for JPEG). */
public final class SaveFormat {

    public static final int JPEG = 104;

    private SaveFormat() {
    }
}
