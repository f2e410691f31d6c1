package dev.blacksky.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blacksky.api.storage.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDatabaseTest {

    @TempDir
    Path data;

    @Test
    void an_empty_database_file_is_refused_rather_than_taken_for_a_new_one() throws IOException {
        Path file = Files.createFile(data.resolve("storage.db"));
        SqliteDatabase database = new SqliteDatabase(file);
        assertThatThrownBy(database::open).isInstanceOf(StorageException.class)
                .hasMessageContaining(file + " is empty (0 bytes)").hasMessageContaining("Restore it from a backup");
        assertThat(file).isEmptyFile(); // left as it was, for the operator
    }

    @Test
    void a_missing_database_file_is_a_new_database() {
        SqliteDatabase database = new SqliteDatabase(data.resolve("storage.db"));
        database.open();
        database.close();
        assertThat(data.resolve("storage.db")).isNotEmptyFile();
    }
}
