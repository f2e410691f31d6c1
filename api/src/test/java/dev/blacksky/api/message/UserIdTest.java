package dev.blacksky.api.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserIdTest {

    @Test
    void phone_numbers_addresses_lids_and_mentions_read_as_one_id() {
        assertThat(UserId.parse("+39 123-456 7890")).isEqualTo(UserId.of("391234567890"));
        assertThat(UserId.parse("(39) 123.456.7890")).isEqualTo(UserId.of("391234567890"));
        assertThat(UserId.parse("@391234567890")).isEqualTo(UserId.of("391234567890"));
        assertThat(UserId.parse(" 391234567890@s.whatsapp.net ")).isEqualTo(UserId.of("391234567890"));
        assertThat(UserId.parse("391234567890:12@s.whatsapp.net")).isEqualTo(UserId.of("391234567890"));
        assertThat(UserId.parse("123456789@lid")).isEqualTo(UserId.of("123456789@lid"));
        assertThat(UserId.parse("123456789:3@lid")).isEqualTo(UserId.of("123456789@lid"));
    }

    @Test
    void other_text_is_kept_as_written() {
        assertThat(UserId.parse("alice")).isEqualTo(UserId.of("alice"));
        assertThat(UserId.parse("120363025246125486@g.us")).isEqualTo(UserId.of("120363025246125486@g.us"));
    }
}
