package dev.blacksky.core.session;

import it.auties.whatsapp.controller.KeysSpec;
import it.auties.whatsapp.controller.StoreSpec;
import java.util.List;
import java.util.Map;

/** A Cobalt session is loadable when keys.proto and store.proto both decode with Cobalt's own decoders. */
public final class CobaltFileCheck implements SessionFileCheck {

    static final String KEYS = "keys.proto";
    static final String STORE = "store.proto";

    @Override
    public List<String> requiredFiles() {
        return List.of(KEYS, STORE);
    }

    @Override
    public boolean unpaired(Map<String, byte[]> contents) {
        // Cobalt writes keys.proto at once for a new session and store.proto only after pairing.
        if (contents.containsKey(STORE) || !contents.containsKey(KEYS)) {
            return false;
        }
        try {
            return !KeysSpec.decode(contents.get(KEYS)).registered();
        } catch (RuntimeException undecodable) {
            return false;
        }
    }

    @Override
    public void check(String fileName, byte[] bytes) {
        switch (fileName) {
            case KEYS -> KeysSpec.decode(bytes);
            case STORE -> StoreSpec.decode(bytes);
            default -> {
                // chats and newsletters are rebuilt by history sync; only identity and store gate a load
            }
        }
    }
}
