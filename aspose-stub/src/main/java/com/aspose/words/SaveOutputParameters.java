package com.aspose.words;

/** Stub of aspose-words' SaveOutputParameters, only so Cobalt's Medias links. */
public class SaveOutputParameters {

    private SaveOutputParameters() {
    }
}
