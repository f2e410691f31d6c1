package dev.blacksky.core.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import it.auties.whatsapp.model.jid.Jid;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WhatsAppTransportTest {

    @Test
    void chat_ids_become_jids_that_hash_like_cobalts_own() {
        Jid phone = WhatsAppTransport.jid("391234567890@s.whatsapp.net");
        // Jid.of("...@s.whatsapp.net") equals Jid.of(digits) but hashes differently, so hash lookups miss.
        assertThat(Set.of(Jid.of("391234567890"))).contains(phone);
        assertThat(WhatsAppTransport.jid("120363025246125486@g.us").toString()).isEqualTo("120363025246125486@g.us");
        assertThat(WhatsAppTransport.jid("98765432101234@lid").toString()).isEqualTo("98765432101234@lid");
    }
}
