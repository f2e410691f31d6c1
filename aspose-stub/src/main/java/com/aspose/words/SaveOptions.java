package com.aspose.words;

/** Stub of aspose-words' SaveOptions, only so Cobalt's Medias links; see the module description. */
public class SaveOptions {

    protected SaveOptions() {
    }
}
