package com.aspose.words;

/** Stub of aspose-words' ImageSaveOptions: constructing it fails, which Cobalt catches (no thumbnail). */
public class ImageSaveOptions extends SaveOptions {

    public ImageSaveOptions(int saveFormat) {
        throw Document.unsupported();
    }
}
