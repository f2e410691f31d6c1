package dev.blacksky.core.whatsapp;

import it.auties.whatsapp.model.node.Node;
import java.util.LinkedHashMap;
import java.util.Map;

/** Maps LIDs to phone JIDs, learnt from the stanzas' attributes, so owners and bans set by number still match. */
final class LidDirectory {

    private static final String LID = "@lid";

    private final Map<String, String> phones;

    LidDirectory(int capacity) {
        this.phones = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Learns from a stanza; cheap for the stanzas that carry nothing. */
    void learn(Node node) {
        var attributes = node.attributes();
        String phone = attributes.getString("participant_pn", attributes.getString("sender_pn", null));
        if (phone == null) {
            return;
        }
        String participant = attributes.getString("participant", null);
        String lid = participant != null ? participant : attributes.getString("from", null);
        if (lid != null && lid.endsWith(LID)) {
            String key = CobaltMessages.normalise(lid);
            String value = CobaltMessages.normalise(phone);
            synchronized (phones) {
                phones.put(key, value);
            }
        }
    }

    /** The phone JID for a LID when known; any other JID unchanged. */
    String resolve(String jid) {
        if (!jid.endsWith(LID)) {
            return jid;
        }
        synchronized (phones) {
            return phones.getOrDefault(jid, jid);
        }
    }
}
