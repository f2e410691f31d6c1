package dev.blacksky.core.session;

/**
 * Start-up self-check that Cobalt links: without the aspose-words stub {@code Medias} fails to load, and then
 * stays broken for the life of the JVM on the login path. Fail early and say why instead.
 */
public final class CobaltCheck {

    static final String MEDIAS = "it.auties.whatsapp.util.Medias";

    private CobaltCheck() {
    }

    public static void verify() {
        try {
            Class.forName(MEDIAS, true, CobaltCheck.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("Cobalt cannot load " + MEDIAS + " (" + e + "). The class path must hold"
                    + " blacksky-aspose-stub, which stands in for the commercial aspose-words library.", e);
        }
    }
}
